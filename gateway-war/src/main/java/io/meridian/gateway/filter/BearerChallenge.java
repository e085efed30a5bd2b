package io.meridian.gateway.filter;

/** {@code WWW-Authenticate} values of RFC 6750 §3. */
final class BearerChallenge {

  private BearerChallenge() {}

  static GatewayError missingToken() {
    return GatewayError.of(401, "missing_token", "This operation needs a bearer token")
        .withHeader("WWW-Authenticate", "Bearer realm=\"meridian\"");
  }

  static GatewayError invalidToken(String reason) {
    return GatewayError.of(401, "invalid_token", "The access token is invalid: " + reason)
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"meridian\", error=\"invalid_token\", error_description=\""
                + reason
                + "\"");
  }
}
