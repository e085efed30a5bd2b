package io.meridian.infrastructure.management;

import java.beans.ConstructorProperties;

/** One node's acknowledged deployment, as the MXBean shows it (an open-type CompositeData). */
public class DeploymentInfo {

  private final String datacenter;
  private final String node;
  private final String api;
  private final int revision;
  private final String state;
  private final String since;
  private final long lagSeconds;
  private final boolean current;

  @ConstructorProperties({
    "datacenter",
    "node",
    "api",
    "revision",
    "state",
    "since",
    "lagSeconds",
    "current"
  })
  public DeploymentInfo(
      String datacenter,
      String node,
      String api,
      int revision,
      String state,
      String since,
      long lagSeconds,
      boolean current) {
    this.datacenter = datacenter;
    this.node = node;
    this.api = api;
    this.revision = revision;
    this.state = state;
    this.since = since;
    this.lagSeconds = lagSeconds;
    this.current = current;
  }

  public String getDatacenter() {
    return datacenter;
  }

  public String getNode() {
    return node;
  }

  /** The API's id. */
  public String getApi() {
    return api;
  }

  public int getRevision() {
    return revision;
  }

  public String getState() {
    return state;
  }

  /** When the node activated it (ISO-8601). */
  public String getSince() {
    return since;
  }

  /** Seconds from publication to activation; -1 when unknown. */
  public long getLagSeconds() {
    return lagSeconds;
  }

  public boolean isCurrent() {
    return current;
  }
}
