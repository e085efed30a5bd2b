package io.meridian.gateway.token;

import java.util.Set;

/** What the gateway relies on from a token whose signature and claims checked out. */
public record VerifiedToken(
    String jti,
    String clientId,
    String applicationId,
    String subject,
    Set<String> scopes,
    long expiresAtEpochSecond) {

  public VerifiedToken {
    scopes = Set.copyOf(scopes);
  }
}
