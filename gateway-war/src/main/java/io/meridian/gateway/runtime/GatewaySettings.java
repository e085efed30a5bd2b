package io.meridian.gateway.runtime;

import io.meridian.shared.token.TokenClaims;
import io.meridian.sync.SyncSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  @ConfigProperty(name = "meridian.gateway.sync.poll-millis", defaultValue = "250")
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
  @ConfigProperty(name = "meridian.gateway.backend.max-connections", defaultValue = "512")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "meridian.gateway.access-log.enabled", defaultValue = "true")
  boolean accessLog;

  public String datacenterId() {
    return sync.datacenter();
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

  public String accessLogFile() {
    return accessLogFile;
  }

  public boolean accessLog() {
    return accessLog;
  }
}
