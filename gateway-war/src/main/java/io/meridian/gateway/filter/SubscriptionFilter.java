package io.meridian.gateway.filter;

import io.meridian.gateway.state.Subscriptions;

/** The token's application must hold an active subscription to the API. */
public final class SubscriptionFilter implements GatewayFilter {

  @Override
  public String id() {
    return "subscription";
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    if (exchange.token() == null) {
      return FilterResult.CONTINUE;
    }
    Subscriptions.Status status =
        exchange
            .state()
            .subscriptions()
            .status(exchange.token().applicationId(), exchange.match().route().apiId());
    return switch (status) {
      case ACTIVE -> FilterResult.CONTINUE;
      case BLOCKED ->
          FilterResult.reject(
              GatewayError.of(
                  403,
                  "subscription_blocked",
                  "The application's subscription to this API is blocked"));
      case NONE ->
          FilterResult.reject(
              GatewayError.of(
                  403, "not_subscribed", "The application is not subscribed to this API"));
    };
  }
}
