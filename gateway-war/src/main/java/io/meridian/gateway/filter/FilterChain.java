package io.meridian.gateway.filter;

import io.meridian.gateway.state.ReplicaFreshness;
import io.meridian.gateway.throttle.Throttle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The inbound filters in their order, sorted once when the chain is built. */
public final class FilterChain {

  private final GatewayFilter[] filters;

  public FilterChain(List<GatewayFilter> filters) {
    this.filters =
        filters.stream()
            .sorted(Comparator.comparingInt(GatewayFilter::order))
            .toArray(GatewayFilter[]::new);
  }

  /** The standard chain of a gateway node. */
  public static FilterChain standard(
      long maxUriLength,
      int maxHeaderBytes,
      long maxBodyBytes,
      Throttle throttle,
      ReplicaFreshness freshness) {
    return new FilterChain(
        List.of(
            new LimitsFilter(maxUriLength, maxHeaderBytes, maxBodyBytes),
            new RequestSyntaxFilter(),
            new RouteFilter(),
            new CorsFilter(),
            new StalenessFilter(freshness, System::currentTimeMillis),
            new AuthenticationFilter(),
            new RevocationFilter(),
            new SubscriptionFilter(),
            new ScopeFilter(),
            new ThrottleFilter(throttle)));
  }

  /**
   * Runs the filters until one refuses or answers; returns that result, or {@link
   * FilterResult#CONTINUE} when the request may go to the backend.
   */
  public FilterResult run(Exchange exchange) {
    for (GatewayFilter f : filters) {
      FilterResult result = f.apply(exchange);
      if (result != FilterResult.CONTINUE) {
        return result;
      }
    }
    return FilterResult.CONTINUE;
  }

  public List<String> ids() {
    return Arrays.stream(filters).map(GatewayFilter::id).toList();
  }
}
