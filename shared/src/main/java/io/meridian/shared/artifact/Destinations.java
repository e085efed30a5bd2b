package io.meridian.shared.artifact;

/** The broker addresses Meridian's datacenters talk over (see scripts/lib/broker.sh). */
public final class Destinations {

  /** Topic: publications, from the master to every gateway of every DC. */
  public static final String ANNOUNCEMENTS = "meridian.announcements";

  /** Queue: what each gateway activated, back to the master. */
  public static final String DEPLOYMENTS = "meridian.deployments";

  /** Name under which the build deploys the ActiveMQ resource adapter. */
  public static final String RESOURCE_ADAPTER = "activemq-rar-6.1.7";

  private Destinations() {}
}
