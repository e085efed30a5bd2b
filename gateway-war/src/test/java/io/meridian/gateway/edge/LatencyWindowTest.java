package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The latency histogram's buckets and percentiles, and its one-minute window on a fake clock. */
class LatencyWindowTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long US = TimeUnit.MICROSECONDS.toNanos(1);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void bucketsCoverEveryLatencyWithoutGapsOrOverlaps() {
    for (long micros = 0; micros < 1 << 20; micros++) {
      int b = LatencyWindow.bucket(micros);
      long lower = LatencyWindow.lowerMicros(b);
      assertTrue(
          lower <= micros && micros < lower + LatencyWindow.widthMicros(b),
          micros
              + " µs in bucket "
              + b
              + " ["
              + lower
              + ", +"
              + LatencyWindow.widthMicros(b)
              + ")");
      if (micros > 0) {
        int previous = LatencyWindow.bucket(micros - 1);
        assertTrue(b == previous || b == previous + 1, "buckets are contiguous at " + micros);
      }
    }
    assertEquals(LatencyWindow.BUCKETS - 1, LatencyWindow.bucket(Long.MAX_VALUE / 1000));
    long lastLower = LatencyWindow.lowerMicros(LatencyWindow.BUCKETS - 1);
    assertTrue(lastLower > TimeUnit.HOURS.toMicros(2), "the last bucket starts past two hours");
  }

  @Test
  void smallLatenciesAreExactAndLargeOnesWithinOneSixteenth() {
    LatencyWindow w = new LatencyWindow();
    long now = 100 * SECOND;
    w.record(now, 7 * US);
    assertEquals(0.007, w.summary(now).p50Millis(), 1e-9);

    for (long millis : new long[] {1, 3, 17, 250, 1234, 30_000}) {
      LatencyWindow one = new LatencyWindow();
      one.record(now, millis * MS);
      double p = one.summary(now).p99Millis();
      assertEquals(millis, p, millis / 16.0, millis + " ms read back as " + p);
    }
  }

  @Test
  void percentilesOfAKnownDistribution() {
    LatencyWindow w = new LatencyWindow();
    long now = 100 * SECOND;
    // 1..1000 ms, once each: p50 = 500, p95 = 950, p99 = 990.
    for (int millis = 1; millis <= 1000; millis++) {
      w.record(now, millis * MS);
    }
    LatencyWindow.Summary s = w.summary(now);
    assertEquals(1000, s.count());
    assertEquals(500, s.p50Millis(), 500 / 16.0);
    assertEquals(950, s.p95Millis(), 950 / 16.0);
    assertEquals(990, s.p99Millis(), 990 / 16.0);
    assertTrue(s.p50Millis() <= s.p95Millis() && s.p95Millis() <= s.p99Millis());
  }

  @Test
  void aFewSlowRequestsShowInTheTailOnly() {
    LatencyWindow w = new LatencyWindow();
    long now = 100 * SECOND;
    for (int i = 0; i < 980; i++) {
      w.record(now, 2 * MS);
    }
    for (int i = 0; i < 20; i++) {
      w.record(now, 800 * MS);
    }
    LatencyWindow.Summary s = w.summary(now);
    assertEquals(2, s.p50Millis(), 2 / 16.0);
    assertEquals(2, s.p95Millis(), 2 / 16.0);
    assertEquals(800, s.p99Millis(), 800 / 16.0);
  }

  @Test
  void anEmptyWindowReadsZero() {
    LatencyWindow.Summary s = new LatencyWindow().summary(5 * SECOND);
    assertEquals(new LatencyWindow.Summary(0, 0, 0, 0), s);
  }

  @Test
  void samplesLeaveTheWindowAfterAMinute() {
    LatencyWindow w = new LatencyWindow();
    long start = 1_000 * SECOND; // the start of a slot
    w.record(start, 100 * MS);
    w.record(start + 25 * SECOND, 10 * MS);

    assertEquals(2, w.summary(start + 25 * SECOND).count());
    assertEquals(2, w.summary(start + 59 * SECOND).count()); // the first slot is still in
    LatencyWindow.Summary later = w.summary(start + 60 * SECOND); // and now it is not
    assertEquals(1, later.count());
    assertEquals(10, later.p99Millis(), 10 / 16.0);
    assertEquals(0, w.summary(start + 90 * SECOND).count());
  }

  @Test
  void aRecycledSlotForgetsWhatItHeld() {
    LatencyWindow w = new LatencyWindow();
    long start = 1_000 * SECOND;
    for (int i = 0; i < 50; i++) {
      w.record(start, 500 * MS);
    }
    // A minute later the same slot comes round again: the old samples are cleared, not added.
    long again = start + 60 * SECOND;
    w.record(again, 3 * MS);
    LatencyWindow.Summary s = w.summary(again);
    assertEquals(1, s.count());
    assertEquals(3, s.p99Millis(), 3 / 16.0);
  }

  @Test
  void aSampleOlderThanItsRecycledSlotIsDropped() {
    LatencyWindow w = new LatencyWindow();
    long start = 1_000 * SECOND;
    w.record(start + 60 * SECOND, 3 * MS);
    w.record(start, 900 * MS); // same slot, a period already recycled
    assertEquals(1, w.summary(start + 60 * SECOND).count());
  }

  @Test
  void worksOnANegativeClock() {
    // System.nanoTime() may be negative.
    LatencyWindow w = new LatencyWindow();
    long start = -1_000 * SECOND;
    w.record(start, 4 * MS);
    w.record(start + 15 * SECOND, 4 * MS);
    assertEquals(2, w.summary(start + 20 * SECOND).count());
    assertEquals(1, w.summary(start + 65 * SECOND).count());
  }
}
