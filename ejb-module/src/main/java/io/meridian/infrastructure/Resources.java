package io.meridian.infrastructure;

/** Names of container resources, in one place. */
public final class Resources {

  /** JDBC resource the domain script creates (asadmin create-jdbc-resource). */
  public static final String DATA_SOURCE = "jdbc/meridian";

  public static final String PERSISTENCE_UNIT = "meridian";

  private Resources() {}
}
