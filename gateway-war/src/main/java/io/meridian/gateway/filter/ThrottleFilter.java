package io.meridian.gateway.filter;

import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteOperation;
import io.meridian.gateway.state.Policies;
import io.meridian.gateway.throttle.Check;
import io.meridian.gateway.throttle.Decision;
import io.meridian.gateway.throttle.Level;
import io.meridian.gateway.throttle.Throttle;
import io.meridian.gateway.throttle.ThrottlePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the throttling policies of every level that has one — the subscription's, the
 * application's, the API's and the operation's; the strictest decides. A refusal is 429 with {@code
 * Retry-After} and a code naming the level; an admitted request's answer tells the client the
 * strictest limit, what is left of it and when more is available ({@code RateLimit-*}). Runs from
 * memory: the counts it relies on are kept in step with the datacenter's other nodes off the
 * request path.
 */
public final class ThrottleFilter implements GatewayFilter {

  private final Throttle throttle;

  public ThrottleFilter(Throttle throttle) {
    this.throttle = throttle;
  }

  @Override
  public String id() {
    return "throttle";
  }

  @Override
  public int order() {
    return 700;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    List<Check> checks = checks(exchange);
    if (checks.isEmpty()) {
      return FilterResult.CONTINUE;
    }
    Decision decision = throttle.acquire(checks);
    if (decision.admitted()) {
      exchange.throttled(throttle, checks, decision);
      return FilterResult.CONTINUE;
    }
    String seconds = Long.toString(Math.max(1, decision.resetSeconds()));
    String what =
        switch (decision.measure()) {
          case REQUESTS -> "requests";
          case BURST -> "requests per second";
          case BYTES -> "bytes";
        };
    return FilterResult.reject(
        GatewayError.of(
                429,
                decision.refusedAt().code(),
                "Too many "
                    + what
                    + " at the "
                    + decision.refusedAt().name().toLowerCase(java.util.Locale.ROOT)
                    + " level; retry in "
                    + seconds
                    + " s")
            .withHeader("Retry-After", seconds)
            .withHeader("RateLimit-Limit", Long.toString(decision.limit()))
            .withHeader("RateLimit-Remaining", "0")
            .withHeader("RateLimit-Reset", seconds));
  }

  private static List<Check> checks(Exchange exchange) {
    Policies policies = exchange.state().policies();
    Route route = exchange.match().route();
    RouteOperation operation = exchange.match().operation();
    List<Check> checks = new ArrayList<>(4);
    if (exchange.token() != null) {
      String app = exchange.token().applicationId();
      add(
          checks,
          Level.SUBSCRIPTION,
          app + "|" + route.apiId(),
          policies.limiting(exchange.state().subscriptions().tier(app, route.apiId())));
      add(checks, Level.APPLICATION, app, policies.limiting(policies.applicationTier(app)));
    }
    add(checks, Level.API, route.apiId(), policies.limiting(route.tier()));
    add(
        checks,
        Level.OPERATION,
        route.apiId() + "|" + operation.method() + " " + operation.template(),
        policies.limiting(operation.tier()));
    return checks;
  }

  private static void add(List<Check> checks, Level level, String key, ThrottlePolicy policy) {
    if (policy != null) {
      for (ThrottlePolicy.Limit limit : policy.limits()) {
        checks.add(new Check(level, key, policy, limit));
      }
    }
  }
}
