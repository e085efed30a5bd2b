package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.EdgeSettings;
import io.meridian.shared.token.TokenClaims;
import io.meridian.sync.SyncSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A gateway node's configuration (every key is listed in the README). */
@ApplicationScoped
public class GatewaySettings {

  /** The node's datacenter and name are the sync's: one reading of those keys for the node. */
  @Inject SyncSettings sync;

  @Inject
  @ConfigProperty(name = "meridian.keymanager.issuer", defaultValue = TokenClaims.DEFAULT_ISSUER)
  String issuer;

  @Inject
  @ConfigProperty(
      name = "meridian.keymanager.audience",
      defaultValue = TokenClaims.DEFAULT_AUDIENCE)
  String audience;

  @Inject
  @ConfigProperty(name = "meridian.gateway.token.clock-skew-seconds", defaultValue = "30")
  long clockSkewSeconds;

  @Inject
  @ConfigProperty(name = "meridian.gateway.sync.poll-millis", defaultValue = "25")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "meridian.gateway.limits.max-uri-length", defaultValue = "8192")
  int maxUriLength;

  @Inject
  @ConfigProperty(name = "meridian.gateway.limits.max-header-bytes", defaultValue = "16384")
  int maxHeaderBytes;

  @Inject
  @ConfigProperty(name = "meridian.gateway.limits.max-body-bytes", defaultValue = "10485760")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.connect-timeout-millis", defaultValue = "2000")
  int connectTimeoutMillis;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.max-connections", defaultValue = "256")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.max-waiting", defaultValue = "1024")
  int maxWaiting;

  @Inject
  @ConfigProperty(name = "meridian.gateway.access-log.enabled", defaultValue = "true")
  boolean accessLog;

  public String datacenterId() {
    return sync.datacenter();
  }

  /** The node's name, as the sync knows it. */
  public String node() {
    return sync.node();
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public long clockSkewSeconds() {
    return clockSkewSeconds;
  }

  public long pollMillis() {
    return pollMillis;
  }

  public int maxUriLength() {
    return maxUriLength;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int maxConnections() {
    return maxConnections;
  }

  @Inject
  @ConfigProperty(name = "meridian.gateway.access-log.file", defaultValue = "meridian-access.log")
  String accessLogFile;

  @Inject
  @ConfigProperty(name = "meridian.gateway.host", defaultValue = "0.0.0.0")
  String host;

  @Inject
  @ConfigProperty(name = "meridian.gateway.port", defaultValue = "8280")
  int port;

  /** 0: one per processor the JVM may use (taskset narrows it). */
  @Inject
  @ConfigProperty(name = "meridian.gateway.event-loops", defaultValue = "0")
  int eventLoops;

  @Inject
  @ConfigProperty(name = "meridian.gateway.tls.cert-file")
  Optional<String> tlsCertFile;

  @Inject
  @ConfigProperty(name = "meridian.gateway.tls.key-file")
  Optional<String> tlsKeyFile;

  @Inject
  @ConfigProperty(name = "meridian.gateway.http2.enabled", defaultValue = "true")
  boolean http2;

  @Inject
  @ConfigProperty(name = "meridian.gateway.idle-timeout-seconds", defaultValue = "120")
  int idleTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.ca-file")
  Optional<String> backendCaFile;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.max-failures", defaultValue = "3")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "meridian.gateway.backend.cool-down-seconds", defaultValue = "10")
  int coolDownSeconds;

  @Inject
  @ConfigProperty(
      name = "meridian.gateway.response.hidden-headers",
      defaultValue = "Server,X-Powered-By")
  List<String> hiddenResponseHeaders;

  @Inject
  @ConfigProperty(name = "meridian.gateway.response.served-by-headers", defaultValue = "false")
  boolean servedByHeaders;

  /** The node operator's credential for the administration port, {@code USER:PASSWORD}. */
  @Inject
  @ConfigProperty(name = "meridian.gateway.admin.credentials-file")
  Optional<String> adminCredentialsFile;

  /** The file that holds the node operator's credential, if the node has one. */
  public Optional<String> adminCredentialsFile() {
    return adminCredentialsFile;
  }

  @Inject
  @ConfigProperty(name = "meridian.gateway.throttle.sync-millis", defaultValue = "100")
  long throttleSyncMillis;

  /** 0: as many as are live. */
  @Inject
  @ConfigProperty(name = "meridian.gateway.throttle.datacenter-nodes", defaultValue = "0")
  int datacenterNodes;

  @Inject
  @ConfigProperty(name = "meridian.gateway.throttle.datacenters", defaultValue = "1")
  int datacenters;

  @Inject
  @ConfigProperty(name = "meridian.gateway.throttle.member-grace-seconds", defaultValue = "300")
  long memberGraceSeconds;

  @Inject
  @ConfigProperty(name = "meridian.gateway.throttle.report-millis", defaultValue = "1000")
  long quotaReportMillis;

  @Inject
  @ConfigProperty(name = "meridian.gateway.traffic.ship-seconds", defaultValue = "10")
  long trafficShipSeconds;

  @Inject
  @ConfigProperty(name = "meridian.gateway.traffic.max-unshipped-minutes", defaultValue = "60")
  int trafficMaxUnshippedMinutes;

  /** How often the node ships its traffic per API and minute to the master. */
  public long trafficShipSeconds() {
    return trafficShipSeconds;
  }

  /** How many minutes of traffic figures the node keeps while it cannot send them. */
  public int trafficMaxUnshippedMinutes() {
    return trafficMaxUnshippedMinutes;
  }

  public long quotaReportMillis() {
    return quotaReportMillis;
  }

  public long memberGraceSeconds() {
    return memberGraceSeconds;
  }

  public long throttleSyncMillis() {
    return throttleSyncMillis;
  }

  public int datacenterNodes() {
    return datacenterNodes;
  }

  public int datacenters() {
    return datacenters;
  }

  public String accessLogFile() {
    return accessLogFile;
  }

  public boolean accessLog() {
    return accessLog;
  }

  /** What the event-loop server needs, read once. */
  public EdgeSettings edge() {
    if (tlsCertFile.isPresent() != tlsKeyFile.isPresent()) {
      throw new IllegalStateException(
          "meridian.gateway.tls.cert-file and meridian.gateway.tls.key-file go together");
    }
    return EdgeSettings.builder()
        .listen(host, port)
        .eventLoops(eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors())
        .tls(tlsCertFile.orElse(null), tlsKeyFile.orElse(null), http2)
        .limits(maxUriLength, maxHeaderBytes, maxBodyBytes)
        .backends(connectTimeoutMillis, maxConnections, backendCaFile.orElse(null))
        .maxWaitingPerBackend(maxWaiting)
        .passiveHealth(maxFailures, coolDownSeconds * 1000L)
        .idleTimeoutSeconds(idleTimeoutSeconds)
        .hiddenResponseHeaders(Set.copyOf(hiddenResponseHeaders))
        .servedBy(servedByHeaders ? datacenterId() : null)
        .build();
  }
}
