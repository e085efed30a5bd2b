package io.meridian.application;

/** The key manager's OAuth 2.0 endpoints as use cases. */
public interface TokenService {

  IssuedToken token(TokenRequest request);

  /** Revokes an access or refresh token of the authenticated client (RFC 7009). */
  void revoke(ClientCredentials client, String token);

  /** Whether a token is active, for an authenticated client (RFC 7662). */
  Introspection introspect(ClientCredentials client, String token);

  /** Whether the access token with this {@code jti} was revoked (and has not expired since). */
  boolean isRevoked(String tokenId);
}
