package io.meridian.application.internal;

import io.meridian.shared.token.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the key manager (see the README for every key). */
@ApplicationScoped
public class KeyManagerSettings {

  @Inject
  @ConfigProperty(name = "meridian.keymanager.issuer", defaultValue = TokenClaims.DEFAULT_ISSUER)
  String issuer;

  @Inject
  @ConfigProperty(
      name = "meridian.keymanager.audience",
      defaultValue = TokenClaims.DEFAULT_AUDIENCE)
  String audience;

  @Inject
  @ConfigProperty(name = "meridian.keymanager.access-token.ttl-seconds", defaultValue = "3600")
  long accessTokenTtlSeconds;

  @Inject
  @ConfigProperty(name = "meridian.keymanager.refresh-token.ttl-seconds", defaultValue = "86400")
  long refreshTokenTtlSeconds;

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Duration accessTokenTtl() {
    return Duration.ofSeconds(accessTokenTtlSeconds);
  }

  public Duration refreshTokenTtl() {
    return Duration.ofSeconds(refreshTokenTtlSeconds);
  }

  /** How long a retired key must stay published: the longest life of a token it signed. */
  public Duration maxTokenLifetime() {
    return accessTokenTtl().plusMinutes(5);
  }
}
