package io.meridian.infrastructure.management;

/**
 * The master control plane, for operators' JMX consoles: ObjectName {@value #OBJECT_NAME} on the
 * platform MBean server of the Payara Server that runs the EAR. Every attribute is read from the
 * primary database when asked.
 */
public interface ControlPlaneMXBean {

  String OBJECT_NAME = "io.meridian:type=ControlPlane";

  /**
   * Publications not yet delivered: outbox entries that a lifecycle change wrote and that are not
   * yet announced to the datacenters' brokers (still to be published to the artifact server, or
   * published and still to be announced). Normally 0 within seconds of a publication; a number that
   * stays above 0 means the artifact server or the broker is failing.
   */
  long getOutboxBacklog();

  /**
   * How long the oldest of those publications has waited since it was requested, in seconds; 0 when
   * none is waiting. The figure to alert on: it grows while publication is stuck.
   */
  long getOldestPendingSeconds();

  /**
   * The publication announced last: API (name, context/version), revision, state and when it was
   * announced; empty when nothing was published yet.
   */
  String getLastPublication();

  /**
   * What each gateway node of each datacenter acknowledged serving, one entry per (datacenter,
   * node, API), as {@code GET /publisher/api/v1/deployments}. {@code lagSeconds} is the time from
   * publication on the master to activation on the node (-1 when unknown); {@code current} tells
   * whether the node serves the artifact published now.
   */
  DeploymentInfo[] getDeployments();

  /**
   * The token signing keys in the key manager's JWKS: the ACTIVE one that signs new tokens first,
   * then RETIRED ones kept until the tokens they signed have expired.
   */
  SigningKeyInfo[] getSigningKeys();
}
