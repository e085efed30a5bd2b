package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.TestStates;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Endpoints with several URLs: round robin, one retry elsewhere, passive health. */
class BalancingTest {

  private TestBackend a;
  private TestBackend b;
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    a.close();
    if (b != null) {
      b.close();
    }
  }

  private HttpResponse<String> call(String method) throws Exception {
    return gateway.send(
        gateway
            .request("/shop/1.0/items/1")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + TestStates.token())
            .build());
  }

  private static EdgeSettings settings(int maxFailures) {
    return GatewayUnderTest.settings()
        .backends(1000, 16, null)
        .passiveHealth(maxFailures, 60_000)
        .build();
  }

  @Test
  void spreadsRequestsOverTheUrlsInTurn() throws Exception {
    a = TestBackend.start(r -> r.response().end("a"));
    b = TestBackend.start(r -> r.response().end("b"));
    gateway =
        new GatewayUnderTest(
            settings(3), TestStates.of(TestStates.shop(List.of(a.url(), b.url()), 5000, null)));
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = call("GET");
      assertEquals(200, r.statusCode());
      seen.append(r.body());
    }
    assertEquals("ababab", seen.toString());
  }

  @Test
  void retriesAnIdempotentRequestElsewhereAndSkipsAUrlThatKeepsFailing() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    a = TestBackend.start(r -> r.response().end("alive"));
    gateway =
        new GatewayUnderTest(
            settings(2),
            TestStates.of(
                TestStates.shop(List.of("http://127.0.0.1:" + dead, a.url()), 5000, null)));
    // Round robin starts on the dead URL: a POST is not retried (it might have had effects)...
    HttpResponse<String> post = call("POST");
    assertEquals(502, post.statusCode(), post.body());
    assertTrue(post.body().contains("backend_unavailable"));
    assertEquals(200, call("POST").statusCode());
    // ...a GET is retried once on the other URL; that second failure cools the dead URL down...
    HttpResponse<String> get = call("GET");
    assertEquals(200, get.statusCode(), get.body());
    assertEquals("alive", get.body());
    // ...and from then on it is skipped, POSTs included.
    for (int i = 0; i < 10; i++) {
      assertEquals(200, call("POST").statusCode());
    }
    assertEquals(12, a.requests.get());
  }
}
