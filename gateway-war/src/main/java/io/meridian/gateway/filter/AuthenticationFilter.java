package io.meridian.gateway.filter;

import io.meridian.gateway.token.TokenVerification;

/** Verifies the bearer token of operations that need one, with the local public keys only. */
public final class AuthenticationFilter implements GatewayFilter {

  private static final String BEARER = "bearer ";

  @Override
  public String id() {
    return "authenticate";
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    if (!exchange.match().operation().authRequired()) {
      return FilterResult.CONTINUE;
    }
    String header = exchange.request().authorization();
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return FilterResult.reject(BearerChallenge.missingToken());
    }
    TokenVerification v =
        exchange.state().tokens().verify(header.substring(BEARER.length()).trim());
    if (v instanceof TokenVerification.Valid valid) {
      exchange.token(valid.token());
      return FilterResult.CONTINUE;
    }
    return FilterResult.reject(
        BearerChallenge.invalidToken(((TokenVerification.Invalid) v).reason()));
  }
}
