package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.routing.Route;
import io.meridian.gateway.state.TestStates;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the traffic meter counts, alone on a fake clock and behind a real gateway. */
class TrafficMeterTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private static Route route(String id) {
    return new Route(id, id, "/" + id, "1.0", false, 1, false, null, List.of(), null, null, null);
  }

  @Test
  void countsByStatusClassForTheNodeAndEachApi() {
    AtomicLong now = new AtomicLong(1_000_000 * MS);
    TrafficMeter meter = new TrafficMeter(now::get);
    Route shop = route("shop");
    long start = now.get();
    now.addAndGet(12 * MS);
    meter.record(shop, 200, start);
    meter.record(shop, 404, start);
    meter.record(shop, 499, start);
    meter.record(shop, 502, start);
    meter.record(null, 404, start); // no API matched

    assertEquals(5, meter.totals().requests());
    assertEquals(3, meter.totals().clientErrors());
    assertEquals(1, meter.totals().serverErrors());
    ApiTraffic a = meter.apis().iterator().next();
    assertEquals("shop", a.apiId());
    assertEquals(4, a.counts().requests());
    assertEquals(2, a.counts().clientErrors());
    assertEquals(1, a.counts().serverErrors());
    assertEquals(12, a.window(now.get()).p50Millis(), 12 / 16.0);
  }

  @Test
  void followsTheRoutedApis() {
    TrafficMeter meter = new TrafficMeter(() -> 0);
    meter.follow(List.of(route("a"), route("b")));
    assertEquals(
        Map.of("a", 0L, "b", 0L),
        meter.apis().stream()
            .collect(Collectors.toMap(ApiTraffic::apiId, t -> t.counts().requests())));
    meter.record(route("a"), 200, 0);
    meter.follow(List.of(route("a")));
    assertEquals(
        Map.of("a", 1L),
        meter.apis().stream()
            .collect(Collectors.toMap(ApiTraffic::apiId, t -> t.counts().requests())));
  }

  @Test
  void theGatewayRecordsEveryAnswerAndItsEventLoopsAnswer() throws Exception {
    try (TestBackend backend = TestBackend.start(r -> r.response().end("ok"));
        GatewayUnderTest gateway =
            new GatewayUnderTest(
                GatewayUnderTest.settings().build(),
                TestStates.of(TestStates.shop(List.of(backend.url()), 5000, null)))) {
      HttpResponse<String> ok = gateway.send(gateway.request("/shop/1.0/public/x").build());
      assertEquals(200, ok.statusCode());
      assertEquals(401, gateway.send(gateway.request("/shop/1.0/items/1").build()).statusCode());
      assertEquals(404, gateway.send(gateway.request("/nothing/1.0/x").build()).statusCode());
      assertEquals(404, gateway.send(gateway.request("/shop/1.0/nowhere").build()).statusCode());

      // Counted where the request ends, which may be a moment after the client has the answer.
      Await.until(() -> gateway.meter.totals().requests() == 4, 2000, "four requests are counted");
      assertEquals(3, gateway.meter.totals().clientErrors());
      ApiTraffic shop = gateway.meter.apis().iterator().next();
      assertEquals("shop", shop.apiId());
      assertEquals(
          3, shop.counts().requests()); // its unknown resource included, not the unknown API
      assertEquals(2, shop.counts().clientErrors());
      assertEquals(3, shop.window(gateway.meter.nanos()).count());
      assertTrue(gateway.server.eventLoopsAnswer(2000));
    }
  }
}
