package io.meridian.application;

/** The parameters of a token request (RFC 6749 §4.3, §4.4, §6). */
public record TokenRequest(
    String grantType,
    ClientCredentials client,
    String username,
    String password,
    String refreshToken,
    String scope) {

  @Override
  public String toString() {
    return "TokenRequest[grantType=" + grantType + ", client=" + client + ", scope=" + scope + "]";
  }
}
