package io.meridian.gateway.edge;

import io.meridian.gateway.routing.Route;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The node's traffic figures, recorded once per request where the request ends (with its access-log
 * line): totals by status class, and per API the same with the last minute's latencies. The cost on
 * the request path is a clock read, a few {@code LongAdder} increments, a map lookup and one atomic
 * increment in a fixed histogram: no lock, no allocation once an API has been seen. Everything
 * derived (rates, percentiles) is computed by whoever reads, off the event loop.
 */
public final class TrafficMeter {

  private final LongSupplier nanoClock;
  private final StatusCounts totals = new StatusCounts();
  private final Map<String, ApiTraffic> apis = new ConcurrentHashMap<>();

  public TrafficMeter() {
    this(System::nanoTime);
  }

  /** A meter on another clock (tests), in {@link System#nanoTime()}'s scale. */
  public TrafficMeter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Records one answered request: {@code route} is the API it was for (null when none matched),
   * {@code startNanos} when it arrived on the clock of this meter.
   */
  public void record(Route route, int status, long startNanos) {
    long now = nanoClock.getAsLong();
    totals.record(status);
    if (route != null) {
      ApiTraffic traffic = apis.get(route.apiId());
      if (traffic == null) {
        traffic = apis.computeIfAbsent(route.apiId(), id -> new ApiTraffic(route));
      }
      traffic.record(status, now, now - startNanos);
    }
  }

  /**
   * Follows the routes served (off the request path, when they may have changed): an API routed now
   * has its figures from the start, even before its first request; an API no longer routed is
   * forgotten.
   */
  public void follow(Collection<Route> routed) {
    Set<String> ids = new HashSet<>();
    for (Route r : routed) {
      ids.add(r.apiId());
      apis.computeIfAbsent(r.apiId(), id -> new ApiTraffic(r));
    }
    apis.keySet().retainAll(ids);
  }

  /** The node's answers since it started, whether or not they matched an API. */
  public StatusCounts totals() {
    return totals;
  }

  /** The APIs with figures (those routed, and those seen since the routes were last followed). */
  public Collection<ApiTraffic> apis() {
    return Collections.unmodifiableCollection(apis.values());
  }

  /** The meter's clock now (for {@link ApiTraffic#window(long)}). */
  public long nanos() {
    return nanoClock.getAsLong();
  }
}
