package io.meridian.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.edge.MinuteTraffic;
import io.meridian.gateway.edge.TrafficMeter;
import io.meridian.gateway.routing.Route;
import io.meridian.shared.traffic.ApiTrafficReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the traffic shipper sends, on fake clocks and to a fake broker. */
class TrafficShipperTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final Instant T0 = Instant.parse("2026-12-02T13:05:10Z");
  private static final Instant MINUTE_0 = Instant.parse("2026-12-02T13:05:00Z");
  private static final Instant MINUTE_1 = Instant.parse("2026-12-02T13:06:00Z");

  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final long nanosAtT0 = nanos.get();
  private final TrafficMeter meter = new TrafficMeter(nanos::get, this::wall);
  private final FakeBroker broker = new FakeBroker();
  private final TrafficShipper shipper = shipper(60);

  private long wall() {
    return T0.toEpochMilli() + (nanos.get() - nanosAtT0) / MS;
  }

  private TrafficShipper shipper(int maxMinutes) {
    return new TrafficShipper(
        meter, new UnshippedTraffic(maxMinutes), broker, "dc-ro1", "gw-r1", this::wall);
  }

  private static Route route(String id) {
    return new Route(id, id, "/" + id, "1.0", false, 1, false, null, List.of(), null, null, null);
  }

  private void answer(String api, int status, int times) {
    for (int i = 0; i < times; i++) {
      meter.record(route(api), status, nanos.get() - 20 * MS);
    }
  }

  private void seconds(long s) {
    nanos.addAndGet(s * 1000 * MS);
  }

  private static String entry(ApiTrafficReport.Entry e) {
    return e.apiId()
        + " "
        + e.minute()
        + " "
        + e.requests()
        + "/"
        + e.clientErrors()
        + "/"
        + e.serverErrors();
  }

  private List<String> lastReport() {
    ApiTrafficReport r = broker.sent.get(broker.sent.size() - 1);
    assertEquals("dc-ro1", r.datacenter());
    assertEquals("gw-r1", r.node());
    return r.entries().stream().map(TrafficShipperTest::entry).toList();
  }

  @Test
  void shipsTheCurrentMinuteSoFarForEachApiWithTraffic() {
    meter.follow(List.of(route("idle")));
    answer("shop", 200, 3);
    answer("shop", 404, 1);
    answer("pets", 502, 2);
    shipper.ship();

    assertEquals(1, broker.sent.size());
    assertEquals(
        List.of("pets " + MINUTE_0 + " 2/0/2", "shop " + MINUTE_0 + " 4/1/0"), lastReport());
    assertEquals(20, broker.sent.get(0).entries().get(0).p95Millis(), 20 * 0.0625);
  }

  @Test
  void sendsCumulativeFiguresAndNothingWhenNothingChanged() {
    answer("shop", 200, 3);
    shipper.ship();
    seconds(10);
    shipper.ship(); // no new request: no report
    assertEquals(1, broker.sent.size());

    answer("shop", 200, 2);
    shipper.ship();
    assertEquals(List.of("shop " + MINUTE_0 + " 5/0/0"), lastReport());
  }

  @Test
  void shipsAMinuteThatEndedWithTheFiguresItEndedWith() {
    answer("shop", 200, 3);
    shipper.ship();
    seconds(40); // 13:05:50
    answer("shop", 429, 1);
    seconds(20); // 13:06:10: the last request came after the previous round
    answer("shop", 200, 1);
    shipper.ship();

    assertEquals(
        List.of("shop " + MINUTE_0 + " 4/1/0", "shop " + MINUTE_1 + " 1/0/0"), lastReport());
    seconds(10);
    shipper.ship(); // both shipped, nothing new
    assertEquals(2, broker.sent.size());
  }

  @Test
  void keepsWhatItCouldNotSendForTheNextRound() {
    answer("shop", 200, 2);
    broker.down = true;
    shipper.ship();
    seconds(60);
    answer("shop", 500, 1);
    shipper.ship();
    assertEquals(0, broker.sent.size());

    broker.down = false;
    seconds(10);
    shipper.ship();
    assertEquals(
        List.of("shop " + MINUTE_0 + " 2/0/0", "shop " + MINUTE_1 + " 1/0/1"), lastReport());
  }

  @Test
  void dropsTheOldestMinutesBeyondWhatItMayKeepAndCountsThem() {
    TrafficShipper keepsTwo = shipper(2);
    broker.down = true;
    for (int minute = 0; minute < 4; minute++) {
      answer("shop", 200, minute + 1);
      answer("pets", 200, 1);
      keepsTwo.ship();
      seconds(60);
    }
    assertEquals(4, keepsTwo.droppedEntries()); // two APIs in each of the two oldest minutes

    broker.down = false;
    keepsTwo.ship();
    List<String> shipped = lastReport();
    assertEquals(4, shipped.size(), shipped.toString());
    assertTrue(
        shipped.contains("shop " + MINUTE_0.plusSeconds(180) + " 4/0/0"), shipped.toString());
    assertTrue(
        shipped.contains("shop " + MINUTE_0.plusSeconds(120) + " 3/0/0"), shipped.toString());
  }

  @Test
  void clearsTheNextMinuteAheadSoItsRequestsNeverWaitForIt() {
    answer("shop", 200, 1);
    seconds((MinuteTraffic.SLOTS - 1) * 60); // the ring's slot after now holds minute 0
    shipper.ship(); // reads minute 0, and clears its slot for the next minute
    assertEquals(List.of("shop " + MINUTE_0 + " 1/0/0"), lastReport());
    seconds(60);
    answer("shop", 200, 1);
    shipper.ship();
    assertEquals(
        List.of("shop " + MINUTE_0.plusSeconds(60 * MinuteTraffic.SLOTS) + " 1/0/0"), lastReport());
  }

  /** A broker that takes reports, or refuses them while down. */
  private static final class FakeBroker implements TrafficSender {
    final List<ApiTrafficReport> sent = new ArrayList<>();
    boolean down;

    @Override
    public void send(ApiTrafficReport report) throws Exception {
      if (down) {
        throw new IOException("connection refused");
      }
      // What the master reads is what went over the wire.
      sent.add(ApiTrafficReport.fromJson(report.toJson()));
    }
  }
}
