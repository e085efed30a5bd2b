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
 * line): totals by status class, and per API the same with the last minute's latencies and the
 * figures of each UTC minute. The cost on the request path is a clock read, a few {@code LongAdder}
 * increments, a map lookup and a few atomic increments in fixed arrays: no lock, no allocation once
 * an API has been seen. Everything derived (rates, percentiles) is computed by whoever reads, off
 * the event loop.
 *
 * <p>The UTC minute of a request comes from the same monotonic clock read, shifted by an offset to
 * the wall clock: the request path reads no second clock. {@link #calibrate()} (called by the
 * traffic shipper, off the event loop) moves the offset along with the wall clock's corrections.
 */
public final class TrafficMeter {

  static final long MINUTE_NANOS = 60_000_000_000L;

  private final LongSupplier nanoClock;
  private final LongSupplier millisClock;

  /** Wall-clock nanoseconds since the epoch minus the monotonic clock's reading. */
  private volatile long wallOffsetNanos;

  private final StatusCounts totals = new StatusCounts();
  private final Map<String, ApiTraffic> apis = new ConcurrentHashMap<>();

  public TrafficMeter() {
    this(System::nanoTime);
  }

  /** A meter on another clock (tests), in {@link System#nanoTime()}'s scale. */
  public TrafficMeter(LongSupplier nanoClock) {
    this(nanoClock, System::currentTimeMillis);
  }

  /**
   * A meter on other clocks (tests): {@code nanoClock} in {@link System#nanoTime()}'s scale, {@code
   * millisClock} in {@link System#currentTimeMillis()}'s.
   */
  public TrafficMeter(LongSupplier nanoClock, LongSupplier millisClock) {
    this.nanoClock = nanoClock;
    this.millisClock = millisClock;
    calibrate();
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
      traffic.record(status, now, now - startNanos, minuteAt(now));
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

  /** Aligns the minutes counted with the wall clock again (off the request path). */
  public void calibrate() {
    wallOffsetNanos = millisClock.getAsLong() * 1_000_000 - nanoClock.getAsLong();
  }

  /** The UTC minute now, in minutes since the epoch, as the request path counts it. */
  public long currentMinute() {
    return minuteAt(nanoClock.getAsLong());
  }

  /**
   * Clears every API's slot of {@code minute} ahead of time (off the request path), so the minute's
   * first requests do not have to; see {@link MinuteTraffic#prepare(long)}.
   */
  public void prepare(long minute) {
    for (ApiTraffic a : apis.values()) {
      a.minutes().prepare(minute);
    }
  }

  private long minuteAt(long nanos) {
    return Math.floorDiv(nanos + wallOffsetNanos, MINUTE_NANOS);
  }
}
