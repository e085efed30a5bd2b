package io.meridian.sync;

import io.meridian.shared.artifact.ArtifactStoreOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sync's configuration (every key is listed in the README). */
@ApplicationScoped
public class SyncSettings {

  /**
   * The DC's database, read-only: a JDBC resource of the server (scripts/gateway-node.sh creates
   * it), so that the gateway's persistence unit can use it too.
   */
  public static final String DATA_SOURCE = "jdbc/meridian-replica";

  /** The connection factory on the ActiveMQ resource adapter (defined by the gateway WAR). */
  public static final String CONNECTION_FACTORY = "java:app/jms/meridian";

  @Inject
  @ConfigProperty(name = "meridian.datacenter.id", defaultValue = "dc-master")
  String datacenter;

  @Inject
  @ConfigProperty(name = "meridian.gateway.node", defaultValue = "gateway")
  String node;

  @Inject
  @ConfigProperty(
      name = "meridian.gateway.artifacts.location",
      defaultValue = "http://127.0.0.1:8088/")
  String artifactsLocation;

  @Inject
  @ConfigProperty(name = "meridian.gateway.artifacts.timeout-millis", defaultValue = "5000")
  int artifactsTimeoutMillis;

  /** A PEM file of the only CAs trusted for an https artifact server (else the JVM's). */
  @Inject
  @ConfigProperty(name = "meridian.gateway.artifacts.trust-ca-file")
  Optional<String> artifactsTrustCaFile = Optional.empty();

  @Inject
  @ConfigProperty(name = "meridian.gateway.cache.dir", defaultValue = "meridian-cache")
  String cacheDir;

  @Inject
  @ConfigProperty(name = "meridian.gateway.sync.reconcile-seconds", defaultValue = "10")
  long reconcileSeconds;

  @Inject
  @ConfigProperty(name = "meridian.gateway.sync.replica-wait-millis", defaultValue = "5000")
  long replicaWaitMillis;

  public String datacenter() {
    return datacenter;
  }

  public String node() {
    return node;
  }

  public String artifactsLocation() {
    return artifactsLocation;
  }

  public int artifactsTimeoutMillis() {
    return artifactsTimeoutMillis;
  }

  /** How to reach the artifact server: gateways only read, so they hold no credentials. */
  public ArtifactStoreOptions artifactsOptions() {
    return ArtifactStoreOptions.of(artifactsTrustCaFile, Optional.empty());
  }

  public String cacheDir() {
    return cacheDir;
  }

  public long reconcileSeconds() {
    return reconcileSeconds;
  }

  public long replicaWaitMillis() {
    return replicaWaitMillis;
  }
}
