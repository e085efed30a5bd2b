package io.meridian.containertest.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database to the master's schema with the master's own migrations, as {@code
 * SchemaMigrator} does at deployment (which a gateway-side archive cannot include: it is a startup
 * bean of the control plane). Idempotent.
 */
public final class Schema {

  private Schema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
