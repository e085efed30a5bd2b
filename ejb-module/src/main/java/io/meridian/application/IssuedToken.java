package io.meridian.application;

/** A successful token response (RFC 6749 §5.1); {@code refreshToken} may be null. */
public record IssuedToken(String accessToken, long expiresIn, String scope, String refreshToken) {

  @Override
  public String toString() {
    return "IssuedToken[expiresIn=" + expiresIn + ", scope=" + scope + "]";
  }
}
