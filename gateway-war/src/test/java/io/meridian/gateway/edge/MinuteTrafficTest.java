package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meridian.gateway.routing.Route;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The traffic meter's figures per API and per UTC minute, on fake clocks. */
class MinuteTrafficTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final Instant T0 = Instant.parse("2026-12-02T13:05:10Z");
  private static final long MINUTE_0 = T0.getEpochSecond() / 60;

  /** A monotonic clock that starts at an arbitrary value, and the wall clock it runs along. */
  private final AtomicLong nanos = new AtomicLong(987_654_321_000L);

  private final long nanosAtT0 = nanos.get();
  private final TrafficMeter meter =
      new TrafficMeter(nanos::get, () -> T0.toEpochMilli() + (nanos.get() - nanosAtT0) / MS);
  private final Route shop =
      new Route("shop", "shop", "/shop", "1.0", false, 1, false, null, List.of(), null, null, null);

  private void answer(int status, long latencyMillis) {
    long end = nanos.get();
    meter.record(shop, status, end - latencyMillis * MS);
  }

  private MinuteTraffic minutes() {
    return meter.apis().iterator().next().minutes();
  }

  @Test
  void countsEachApiPerUtcMinuteByStatusClass() {
    answer(200, 10);
    answer(404, 10);
    answer(401, 10);
    answer(503, 10);
    nanos.addAndGet(50_000 * MS); // 13:06:00
    answer(200, 10);

    assertEquals(MINUTE_0, meter.currentMinute() - 1);
    assertEquals(
        new MinuteFigures(MINUTE_0, 4, 2, 1, minutes().read(MINUTE_0).p95Millis()),
        minutes().read(MINUTE_0));
    MinuteFigures next = minutes().read(MINUTE_0 + 1);
    assertEquals(1, next.requests());
    assertEquals(0, next.clientErrors() + next.serverErrors());
  }

  @Test
  void aMinutesP95ComesFromItsOwnLatencies() {
    for (int ms = 1; ms <= 100; ms++) {
      answer(200, ms);
    }
    nanos.addAndGet(60_000 * MS);
    answer(200, 1_000); // the next minute's: no part of the first's percentile

    assertEquals(95, minutes().read(MINUTE_0).p95Millis(), 95 * 0.0625);
    assertEquals(1_000, minutes().read(MINUTE_0 + 1).p95Millis(), 1_000 * 0.0625);
  }

  @Test
  void forgetsAMinuteOnceTheRingHasComeRoundToItsSlot() {
    answer(200, 1);
    nanos.addAndGet(MinuteTraffic.SLOTS * 60_000 * MS);
    answer(200, 1);

    assertNull(minutes().read(MINUTE_0));
    assertEquals(1, minutes().read(MINUTE_0 + MinuteTraffic.SLOTS).requests());
  }

  @Test
  void aSlotPreparedAheadCountsTheMinuteFromZero() {
    answer(200, 1);
    nanos.addAndGet(MinuteTraffic.SLOTS * 60_000 * MS - 30_000 * MS);
    long next = meter.currentMinute() + 1; // the slot that held MINUTE_0
    meter.prepare(next);
    assertNull(minutes().read(MINUTE_0));
    assertEquals(0, minutes().read(next).requests());

    nanos.addAndGet(30_000 * MS);
    answer(500, 1);
    meter.prepare(next); // the minute has begun: preparing again must not clear it
    assertEquals(
        new MinuteFigures(next, 1, 0, 1, minutes().read(next).p95Millis()), minutes().read(next));
  }

  @Test
  void followsTheWallClockWhenCalibrated() {
    AtomicLong wallMillis = new AtomicLong(T0.toEpochMilli());
    TrafficMeter m = new TrafficMeter(nanos::get, wallMillis::get);
    assertEquals(MINUTE_0, m.currentMinute());
    wallMillis.addAndGet(60_000); // the wall clock was set forward a minute
    assertEquals(MINUTE_0, m.currentMinute());
    m.calibrate();
    assertEquals(MINUTE_0 + 1, m.currentMinute());
  }
}
