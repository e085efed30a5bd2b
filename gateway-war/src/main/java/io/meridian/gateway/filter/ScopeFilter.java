package io.meridian.gateway.filter;

import java.util.Set;
import java.util.TreeSet;

/** The token must carry every scope the operation requires. */
public final class ScopeFilter implements GatewayFilter {

  @Override
  public String id() {
    return "scope";
  }

  @Override
  public int order() {
    return 600;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    Set<String> required = exchange.match().operation().scopes();
    if (exchange.token() == null || exchange.token().scopes().containsAll(required)) {
      return FilterResult.CONTINUE;
    }
    String scopes = String.join(" ", new TreeSet<>(required));
    return FilterResult.reject(
        GatewayError.of(
                403,
                "insufficient_scope",
                "The token lacks a scope this operation needs: " + scopes)
            .withHeader(
                "WWW-Authenticate",
                "Bearer realm=\"meridian\", error=\"insufficient_scope\", scope=\""
                    + scopes
                    + "\""));
  }
}
