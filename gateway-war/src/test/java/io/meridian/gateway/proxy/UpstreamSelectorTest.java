package io.meridian.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meridian.gateway.routing.Endpoint;
import io.meridian.gateway.routing.Upstream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpstreamSelectorTest {

  private final AtomicLong now = new AtomicLong();
  private final UpstreamHealth health = new UpstreamHealth(3, 10_000, now::get);
  private final UpstreamSelector selector = new UpstreamSelector(health);
  private final Endpoint endpoint =
      new Endpoint(
          List.of(
              Upstream.parse("http://a"), Upstream.parse("http://b"), Upstream.parse("http://c")),
          1000);

  private String pick() {
    return selector.pick(endpoint).url();
  }

  @Test
  void takesTheUrlsInTurn() {
    assertEquals(
        List.of("http://a", "http://b", "http://c", "http://a"),
        List.of(pick(), pick(), pick(), pick()));
  }

  @Test
  void skipsAUrlAfterConsecutiveFailuresUntilTheCoolDownEnds() {
    health.failed("http://b");
    health.failed("http://b");
    assertEquals(List.of("http://a", "http://b", "http://c"), List.of(pick(), pick(), pick()));
    health.failed("http://b");
    assertEquals(List.of("http://a", "http://c", "http://c"), List.of(pick(), pick(), pick()));
    now.addAndGet(10_000_000_000L);
    assertEquals(List.of("http://a", "http://b"), List.of(pick(), pick()));
  }

  @Test
  void aSuccessClearsTheFailures() {
    health.failed("http://a");
    health.failed("http://a");
    health.succeeded("http://a");
    health.failed("http://a");
    assertEquals("http://a", pick());
  }

  @Test
  void whenEveryUrlCoolsDownItStillTriesThemInTurn() {
    for (String u : List.of("http://a", "http://b", "http://c")) {
      for (int i = 0; i < 3; i++) {
        health.failed(u);
      }
    }
    assertEquals(List.of("http://a", "http://b"), List.of(pick(), pick()));
  }

  @Test
  void offersAnotherAvailableUrlForARetryOrNone() {
    assertEquals("http://b", selector.another(endpoint, endpoint.upstreams().get(0)).url());
    Endpoint single = new Endpoint(List.of(Upstream.parse("http://a")), 1000);
    assertNull(selector.another(single, single.upstreams().get(0)));
  }

  @Test
  void buildsTheBackendTargetFromTheBasePath() {
    assertEquals(
        "/v2/orders/1?x=1", Upstream.parse("http://h:9000/v2/").target("/orders/1", "x=1"));
    assertEquals("/", Upstream.parse("https://h").target("", null));
    assertEquals(443, Upstream.parse("https://h").port());
    assertEquals("::1", Upstream.parse("http://[::1]:8080").host());
  }
}
