package io.meridian.gateway.filter;

import io.meridian.gateway.routing.StalenessRule;
import io.meridian.gateway.state.ReplicaFreshness;
import java.util.function.LongSupplier;

/**
 * Fails closed for an API whose publisher asked for it: while this node's replica lags the master
 * by more than the API's bound, its requests get 503 with {@code Retry-After}, because a token
 * revoked or a subscription cancelled on the master might not be known here yet. Every other API
 * keeps being served from what the node has (fail open). Before authentication: a stale replica
 * cannot be trusted to refuse a token either.
 */
public final class StalenessFilter implements GatewayFilter {

  private final ReplicaFreshness freshness;
  private final LongSupplier clock;

  /**
   * @param clock epoch milliseconds, comparable to the master's heartbeat
   */
  public StalenessFilter(ReplicaFreshness freshness, LongSupplier clock) {
    this.freshness = freshness;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "staleness";
  }

  @Override
  public int order() {
    return 275;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    StalenessRule rule = exchange.match() == null ? null : exchange.match().route().staleness();
    if (rule == null || !rule.reject()) {
      return FilterResult.CONTINUE;
    }
    long lag = freshness.lagMillis(clock.getAsLong());
    if (lag <= rule.maxLagMillis()) {
      return FilterResult.CONTINUE;
    }
    String behind =
        lag == ReplicaFreshness.UNKNOWN
            ? "has not confirmed it is current yet"
            : "is " + (lag / 1000) + " s behind the master";
    return FilterResult.reject(
        GatewayError.of(
                503,
                "replica_stale",
                "This API is not served while this datacenter's copy of keys, subscriptions and"
                    + " revocations "
                    + behind
                    + " (its publisher allows "
                    + rule.maxLagMillis() / 1000
                    + " s)")
            .withHeader("Retry-After", Long.toString(rule.retryAfterSeconds())));
  }
}
