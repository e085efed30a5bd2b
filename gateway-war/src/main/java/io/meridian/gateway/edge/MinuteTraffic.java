package io.meridian.gateway.edge;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One API's answers per UTC minute on this node, for the traffic reports the node ships to the
 * master: a ring of {@link #SLOTS} minutes, each with its request, client-error and server-error
 * counts and a latency histogram in {@link LatencyWindow}'s buckets (so its p95 is within 6.25 %).
 * Recording is one atomic read and two or three atomic increments: no lock, no allocation.
 *
 * <p>The ring holds the minutes the shipper has not read yet: it reads every few seconds, so five
 * minutes leave room for a shipper that stalls (a blocked broker connection) for up to four. A
 * minute's slot is normally cleared ahead of time by the shipper ({@link #prepare}); if it was not,
 * the minute's first request clears it, and a request counted by another event loop at that very
 * instant may be lost, as in {@link LatencyWindow}.
 */
public final class MinuteTraffic {

  /** How many minutes the ring holds. */
  public static final int SLOTS = 5;

  private static final int REQUESTS = 0;
  private static final int CLIENT_ERRORS = 1;
  private static final int SERVER_ERRORS = 2;
  private static final int HISTOGRAM = 3;
  private static final int STRIDE = HISTOGRAM + LatencyWindow.BUCKETS;

  /** Slot {@code s}, value {@code v} at {@code s * STRIDE + v}. */
  private final AtomicLongArray counts = new AtomicLongArray(SLOTS * STRIDE);

  /** The minute (since the epoch) each slot holds; MIN_VALUE: never used. */
  private final AtomicLongArray minutes = new AtomicLongArray(SLOTS);

  MinuteTraffic() {
    for (int s = 0; s < SLOTS; s++) {
      minutes.set(s, Long.MIN_VALUE);
    }
  }

  /** Counts one answer that ended in {@code minute} (minutes since the epoch). */
  void record(long minute, int status, long latencyNanos) {
    int slot = (int) Math.floorMod(minute, SLOTS);
    long held = minutes.get(slot);
    if (held != minute) {
      if (held > minute) {
        return; // a minute already recycled: too late to count
      }
      if (minutes.compareAndSet(slot, held, minute)) {
        clear(slot);
      }
    }
    int base = slot * STRIDE;
    counts.incrementAndGet(base + REQUESTS);
    if (status >= 500) {
      counts.incrementAndGet(base + SERVER_ERRORS);
    } else if (status >= 400) {
      counts.incrementAndGet(base + CLIENT_ERRORS);
    }
    counts.incrementAndGet(
        base + HISTOGRAM + LatencyWindow.bucket(Math.max(0, latencyNanos) / 1000));
  }

  /**
   * Clears the slot of {@code minute} before the minute starts (off the request path), so that its
   * requests never race a clearing. Does nothing if the slot already holds that minute or a later
   * one. The minute the slot held before must have been read: it is gone.
   */
  void prepare(long minute) {
    int slot = (int) Math.floorMod(minute, SLOTS);
    long held = minutes.get(slot);
    if (held >= minute) {
      return;
    }
    clear(slot);
    minutes.compareAndSet(slot, held, minute);
  }

  /** The figures of {@code minute} so far, or null when the ring does not hold that minute. */
  public MinuteFigures read(long minute) {
    int slot = (int) Math.floorMod(minute, SLOTS);
    if (minutes.get(slot) != minute) {
      return null;
    }
    int base = slot * STRIDE;
    long[] histogram = new long[LatencyWindow.BUCKETS];
    long total = 0;
    for (int b = 0; b < histogram.length; b++) {
      histogram[b] = counts.get(base + HISTOGRAM + b);
      total += histogram[b];
    }
    MinuteFigures figures =
        new MinuteFigures(
            minute,
            counts.get(base + REQUESTS),
            counts.get(base + CLIENT_ERRORS),
            counts.get(base + SERVER_ERRORS),
            LatencyWindow.percentileMillis(histogram, total, 0.95));
    // Recycled while being read (the shipper stalled for the whole ring): nothing reliable.
    return minutes.get(slot) == minute ? figures : null;
  }

  private void clear(int slot) {
    int base = slot * STRIDE;
    for (int i = 0; i < STRIDE; i++) {
      counts.set(base + i, 0);
    }
  }
}
