package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.ApiTraffic;
import io.meridian.gateway.edge.MinuteFigures;
import io.meridian.gateway.edge.MinuteTraffic;
import io.meridian.shared.traffic.ApiTrafficReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-minute figures a node has read from its traffic meter and not yet shipped: completed
 * minutes until a report carrying them is sent, and the current minute whenever it changed since it
 * was last sent. At most {@code maxMinutes} minutes are kept (a broker unreachable for longer): the
 * oldest go first, and are counted.
 *
 * <p>Not thread-safe: one shipper thread collects, sends and marks as shipped, in that order.
 */
final class UnshippedTraffic {

  private final int maxMinutes;

  /** Minute → API id → figures, oldest minute first. */
  private final NavigableMap<Long, Map<String, MinuteFigures>> pending = new TreeMap<>();

  /** Per API, the last completed minute read: later reads start after it. */
  private final Map<String, Long> readUpTo = new HashMap<>();

  /** Per API, the current minute's figures as last shipped (not sent again unchanged). */
  private final Map<String, MinuteFigures> shippedCurrent = new HashMap<>();

  private long droppedEntries;

  UnshippedTraffic(int maxMinutes) {
    if (maxMinutes < 1) {
      throw new IllegalArgumentException("maxMinutes must be at least 1, not " + maxMinutes);
    }
    this.maxMinutes = maxMinutes;
  }

  /**
   * Reads the APIs' minutes since the last read up to {@code currentMinute}, keeping those with
   * requests. An API's minutes that left its meter's ring unread are lost (the shipper stalled).
   */
  void collect(Collection<ApiTraffic> apis, long currentMinute) {
    Set<String> seen = new HashSet<>();
    for (ApiTraffic api : apis) {
      String id = api.apiId();
      seen.add(id);
      long from =
          Math.max(
              readUpTo.getOrDefault(id, Long.MIN_VALUE) + 1,
              currentMinute - MinuteTraffic.SLOTS + 1);
      for (long m = from; m <= currentMinute; m++) {
        MinuteFigures f = api.minutes().read(m);
        if (f != null && f.requests() > 0 && !f.equals(shippedCurrent.get(id))) {
          pending.computeIfAbsent(m, k -> new TreeMap<>()).put(id, f);
        }
      }
      readUpTo.put(id, currentMinute - 1);
    }
    // APIs no longer routed: their shipped figures are gone, their unshipped ones stay.
    readUpTo.keySet().retainAll(seen);
    shippedCurrent.keySet().retainAll(seen);
    while (pending.size() > maxMinutes) {
      droppedEntries += pending.pollFirstEntry().getValue().size();
    }
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** What a report would carry now: every unshipped API-minute, oldest minute first. */
  List<ApiTrafficReport.Entry> entries() {
    List<ApiTrafficReport.Entry> entries = new ArrayList<>();
    pending.forEach(
        (minute, apis) ->
            apis.forEach(
                (id, f) ->
                    entries.add(
                        new ApiTrafficReport.Entry(
                            id,
                            Instant.ofEpochSecond(minute * 60),
                            f.requests(),
                            f.clientErrors(),
                            f.serverErrors(),
                            f.p95Millis()))));
    return entries;
  }

  /** The report with {@link #entries()} was sent: nothing is pending any more. */
  void shipped() {
    pending.forEach(
        (minute, apis) ->
            apis.forEach((id, f) -> shippedCurrent.merge(id, f, UnshippedTraffic::later)));
    pending.clear();
  }

  /** API-minutes dropped unshipped since the node started. */
  long droppedEntries() {
    return droppedEntries;
  }

  /** How many minutes are waiting. */
  int minutes() {
    return pending.size();
  }

  private static MinuteFigures later(MinuteFigures a, MinuteFigures b) {
    return b.minute() >= a.minute() ? b : a;
  }
}
