package io.meridian.gateway.filter;

/** Refuses a token the key manager has revoked, by its {@code jti}. */
public final class RevocationFilter implements GatewayFilter {

  @Override
  public String id() {
    return "revocation";
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    if (exchange.token() != null
        && exchange.state().revokedTokenIds().contains(exchange.token().jti())) {
      return FilterResult.reject(BearerChallenge.invalidToken("token revoked"));
    }
    return FilterResult.CONTINUE;
  }
}
