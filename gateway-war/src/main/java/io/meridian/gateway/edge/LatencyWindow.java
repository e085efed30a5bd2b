package io.meridian.gateway.edge;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies of the last minute, cheap enough to record on the event loop: a ring of {@link #SLOTS}
 * time slots of {@link #SLOT_NANOS} each, every slot a fixed histogram of {@link #BUCKETS}
 * log-linear buckets in microseconds (exact below 16 µs, then eight buckets per power of two, so a
 * percentile is within 6.25 % of the truth; the last bucket holds everything from about 2.3 hours
 * on). Recording is two atomic reads and one atomic increment, without a lock or an allocation;
 * percentiles are computed only when read, over the slots of the last {@code SLOTS × SLOT_NANOS}
 * (between 50 and 60 s).
 *
 * <p>A slot is recycled by the first request of its new period, which clears it: a sample recorded
 * by another event loop at that very instant may be lost. The figures are for operators, not for
 * billing; that is the price of a lock-free path.
 */
public final class LatencyWindow {

  static final int SLOTS = 6;
  static final long SLOT_NANOS = 10_000_000_000L;
  static final int SUB_BITS = 3;
  static final int SUB = 1 << SUB_BITS;
  static final int BUCKETS = 256;

  /** Slot {@code s}, bucket {@code b} at {@code s * BUCKETS + b}. */
  private final AtomicLongArray counts = new AtomicLongArray(SLOTS * BUCKETS);

  /** The period ({@code nanos / SLOT_NANOS}) each slot holds; MIN_VALUE: never used. */
  private final AtomicLongArray periods = new AtomicLongArray(SLOTS);

  public LatencyWindow() {
    for (int s = 0; s < SLOTS; s++) {
      periods.set(s, Long.MIN_VALUE);
    }
  }

  /** Records one latency, as of {@code nowNanos} ({@link System#nanoTime()}'s scale). */
  public void record(long nowNanos, long latencyNanos) {
    long period = Math.floorDiv(nowNanos, SLOT_NANOS);
    int slot = (int) Math.floorMod(period, SLOTS);
    long held = periods.get(slot);
    if (held != period) {
      if (held > period) {
        return; // a sample from a period already recycled: too old for the window
      }
      if (periods.compareAndSet(slot, held, period)) {
        int base = slot * BUCKETS;
        for (int b = 0; b < BUCKETS; b++) {
          counts.set(base + b, 0);
        }
      }
    }
    counts.incrementAndGet(slot * BUCKETS + bucket(Math.max(0, latencyNanos) / 1000));
  }

  /** The window as of {@code nowNanos}: its count and the 50th, 95th and 99th percentiles. */
  public Summary summary(long nowNanos) {
    long[] merged = merged(nowNanos);
    long total = 0;
    for (long c : merged) {
      total += c;
    }
    return new Summary(
        total,
        percentileMillis(merged, total, 0.50),
        percentileMillis(merged, total, 0.95),
        percentileMillis(merged, total, 0.99));
  }

  /**
   * What the last minute holds.
   *
   * @param count requests recorded in the window
   * @param p50Millis the median latency in milliseconds (0 when the window is empty)
   */
  public record Summary(long count, double p50Millis, double p95Millis, double p99Millis) {}

  private long[] merged(long nowNanos) {
    long current = Math.floorDiv(nowNanos, SLOT_NANOS);
    long[] merged = new long[BUCKETS];
    for (int s = 0; s < SLOTS; s++) {
      long period = periods.get(s);
      if (period > current - SLOTS && period <= current) {
        int base = s * BUCKETS;
        for (int b = 0; b < BUCKETS; b++) {
          merged[b] += counts.get(base + b);
        }
      }
    }
    return merged;
  }

  /** The {@code q} quantile of a histogram of {@code total} samples, in milliseconds. */
  static double percentileMillis(long[] buckets, long total, double q) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += buckets[b];
      if (seen >= rank) {
        return middleMicros(b) / 1000.0;
      }
    }
    return middleMicros(BUCKETS - 1) / 1000.0;
  }

  /** The bucket of a latency in microseconds. */
  static int bucket(long micros) {
    if (micros < SUB) {
      return (int) micros;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(micros);
    int index =
        (exponent - SUB_BITS + 1) * SUB + (int) ((micros >>> (exponent - SUB_BITS)) & (SUB - 1));
    return Math.min(index, BUCKETS - 1);
  }

  /** The smallest latency (µs) that falls into bucket {@code b}. */
  static long lowerMicros(int b) {
    if (b < SUB) {
      return b;
    }
    int exponent = b / SUB + SUB_BITS - 1;
    return (long) (SUB + b % SUB) << (exponent - SUB_BITS);
  }

  /** How many microseconds bucket {@code b} spans. */
  static long widthMicros(int b) {
    return b < SUB ? 1 : 1L << (b / SUB - 1);
  }

  private static double middleMicros(int b) {
    return lowerMicros(b) + (widthMicros(b) - 1) / 2.0;
  }
}
