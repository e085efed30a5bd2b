package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.TestStates;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-loop gateway against a real backend over real HTTP: forwarding and refusals. */
class ProxyingTest {

  private TestBackend backend;
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  private void start(int timeoutMillis) throws Exception {
    start(timeoutMillis, GatewayUnderTest.settings().build());
  }

  private void start(int timeoutMillis, EdgeSettings settings) throws Exception {
    backend =
        TestBackend.start(
            r -> {
              if (r.path().endsWith("/slow")) {
                return; // never answers
              }
              r.body()
                  .onSuccess(
                      body ->
                          r.response()
                              .putHeader("X-Backend", "shop")
                              .putHeader("Server", "Backend/1.0")
                              .putHeader("X-Powered-By", "Framework 9")
                              .end("{\"got\":\"" + body + "\",\"uri\":\"" + r.uri() + "\"}"));
            });
    gateway =
        new GatewayUnderTest(
            settings,
            TestStates.of(TestStates.shop(List.of(backend.url() + "/base"), timeoutMillis, null)));
  }

  @Test
  void forwardsMethodPathQueryBodyAndHeadersButNotTheToken() throws Exception {
    start(5000);
    HttpResponse<String> r =
        gateway.send(
            gateway
                .request("/shop/1.0/items/42?expand=all")
                .header("Authorization", "Bearer " + TestStates.token())
                .header("X-Custom", "kept")
                .header("X-Request-Id", "my-id-1")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"got\":\"hello\",\"uri\":\"/base/items/42?expand=all\"}", r.body());
    assertEquals("shop", r.headers().firstValue("X-Backend").orElse(null));
    assertEquals("my-id-1", r.headers().firstValue("X-Request-Id").orElse(null));
    MultiMap seen = backend.headers.peek();
    assertNull(seen.get("Authorization"), "the consumer's token stays at the gateway");
    assertEquals("kept", seen.get("X-Custom"));
    assertEquals("127.0.0.1", seen.get("X-Forwarded-For"));
    assertEquals("http", seen.get("X-Forwarded-Proto"));
    assertEquals("127.0.0.1:" + gateway.server.port(), seen.get("X-Forwarded-Host"));
    assertEquals("my-id-1", seen.get("X-Request-Id"));
    assertEquals("5", seen.get("Content-Length"));
  }

  @Test
  void showsNoServerBanner() throws Exception {
    start(5000);
    HttpResponse<String> proxied =
        gateway.send(
            gateway
                .request("/shop/1.0/items/1")
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(200, proxied.statusCode());
    assertFalse(proxied.headers().firstValue("Server").isPresent());
    assertFalse(proxied.headers().firstValue("X-Powered-By").isPresent());
    HttpResponse<String> refused = gateway.send(gateway.request("/nothing/1.0/x").build());
    assertEquals(404, refused.statusCode());
    assertFalse(refused.headers().firstValue("Server").isPresent());
  }

  @Test
  void namesTheDatacenterAndTheApiRevisionOnlyWhenConfigured() throws Exception {
    start(5000, GatewayUnderTest.settings().servedBy("dc-eu").build());
    HttpResponse<String> proxied =
        gateway.send(
            gateway
                .request("/shop/1.0/items/1")
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(200, proxied.statusCode());
    assertEquals("dc-eu", proxied.headers().firstValue("Meridian-Datacenter").orElse(null));
    assertEquals("1", proxied.headers().firstValue("Meridian-Api-Revision").orElse(null));
    HttpResponse<String> refused = gateway.send(gateway.request("/shop/1.0/items/1").build());
    assertEquals(401, refused.statusCode());
    assertEquals("1", refused.headers().firstValue("Meridian-Api-Revision").orElse(null));
    HttpResponse<String> noApi = gateway.send(gateway.request("/nothing/1.0/x").build());
    assertEquals("dc-eu", noApi.headers().firstValue("Meridian-Datacenter").orElse(null));
    assertFalse(noApi.headers().firstValue("Meridian-Api-Revision").isPresent());
    stop();

    start(5000);
    HttpResponse<String> plain = gateway.send(gateway.request("/shop/1.0/public/x").build());
    assertEquals(200, plain.statusCode());
    assertFalse(plain.headers().firstValue("Meridian-Datacenter").isPresent(), "off by default");
    assertFalse(plain.headers().firstValue("Meridian-Api-Revision").isPresent());
  }

  @Test
  void refusesInTheProblemShapeWithTheRequestId() throws Exception {
    start(5000);
    HttpResponse<String> r = gateway.send(gateway.request("/shop/1.0/items/1").build());
    assertEquals(401, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    String id = r.headers().firstValue("X-Request-Id").orElseThrow();
    assertTrue(r.body().contains("\"code\":\"missing_token\""), r.body());
    assertTrue(r.body().contains("\"requestId\":\"" + id + "\""), r.body());
    assertEquals(0, backend.requests.get(), "a refused request never reaches the backend");
  }

  @Test
  void servesOperationsWithoutAuthWithoutAToken() throws Exception {
    start(5000);
    assertEquals(200, gateway.send(gateway.request("/shop/1.0/public/x").build()).statusCode());
  }

  @Test
  void aMalformedPercentEncodingIs400AndNeverForwarded() throws Exception {
    start(5000);
    String answer =
        RawHttp.exchange(
            gateway.server.port(),
            "GET /shop/1.0/public/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals(400, RawHttp.status(answer), answer);
    assertTrue(answer.contains("\"code\":\"malformed_path\""), answer);
    assertEquals(0, backend.requests.get());
  }

  @Test
  void aRequestLineBeyondTheServersBufferGetsAProblem414() throws Exception {
    start(5000);
    String answer =
        RawHttp.exchange(
            gateway.server.port(),
            "GET /shop/1.0/public/" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(414, RawHttp.status(answer), answer.substring(0, 200));
    assertTrue(answer.contains("\"code\":\"uri_too_long\""));
  }

  @Test
  void aRefusedConnectionIs502AndASilentBackendIs504() throws Exception {
    start(300);
    HttpResponse<String> slow =
        gateway.send(
            gateway
                .request("/shop/1.0/items/slow")
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(504, slow.statusCode(), slow.body());
    assertTrue(slow.body().contains("backend_timeout"));

    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    gateway.holder.replace(
        TestStates.of(TestStates.shop(List.of("http://127.0.0.1:" + closedPort), 1000, null)));
    HttpResponse<String> down =
        gateway.send(
            gateway
                .request("/shop/1.0/items/1")
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(502, down.statusCode(), down.body());
    assertTrue(down.body().contains("backend_unavailable"));
  }

  @Test
  void aRequestFindingTheBackendsWaitQueueFullIs503AtOnceAndTheBackendStaysHealthy()
      throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    backend =
        TestBackend.start(
            r -> {
              if (r.path().endsWith("/slow")) {
                held.countDown(); // holds the pool's only connection, never answers
                return;
              }
              r.response().end("ok");
            });
    gateway =
        new GatewayUnderTest(
            GatewayUnderTest.settings()
                .backends(2000, 1, null)
                .maxWaitingPerBackend(0)
                .passiveHealth(1, 60_000)
                .build(),
            TestStates.of(TestStates.shop(List.of(backend.url() + "/base"), 3000, null)));
    String token = "Bearer " + TestStates.token();
    CompletableFuture<HttpResponse<String>> first =
        gateway.client.sendAsync(
            gateway.request("/shop/1.0/items/slow").header("Authorization", token).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(held.await(10, TimeUnit.SECONDS), "the first request reached the backend");

    HttpResponse<String> busy =
        gateway.send(gateway.request("/shop/1.0/items/1").header("Authorization", token).build());
    assertEquals(503, busy.statusCode(), busy.body());
    assertTrue(busy.body().contains("\"code\":\"backend_busy\""), busy.body());
    assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));

    assertEquals(504, first.get(10, TimeUnit.SECONDS).statusCode());
    // Busy is not a failure of the backend: with one failure allowed, it is still used.
    HttpResponse<String> after =
        gateway.send(gateway.request("/shop/1.0/items/1").header("Authorization", token).build());
    assertEquals(200, after.statusCode(), after.body());
  }

  @Test
  void aCleartextUpgradeToHttp2IsNotTakenUp() throws Exception {
    start(5000);
    HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient() // asks for h2c by Upgrade
            .send(
                gateway.request("/shop/1.0/public/x").build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, r.version());
    assertNull(backend.headers.peek().get("Upgrade"), "hop-by-hop: not forwarded");
    assertNull(backend.headers.peek().get("HTTP2-Settings"), "named in Connection: not forwarded");
  }

  @Test
  void aBackendSilentAfterItsHeadersIs504AndWhatItSendsLaterGoesNowhere() throws Exception {
    List<LogRecord> unhandled = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
              unhandled.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger vertx = Logger.getLogger("io.vertx");
    vertx.addHandler(capture);
    try {
      backend =
          TestBackend.start(
              r -> {
                r.response().setChunked(true).writeHead();
                Vertx.currentContext().owner().setTimer(600, t -> r.response().end("late body"));
              });
      gateway =
          new GatewayUnderTest(
              GatewayUnderTest.settings().build(),
              TestStates.of(TestStates.shop(List.of(backend.url()), 200, null)));
      HttpResponse<String> r = gateway.send(gateway.request("/shop/1.0/public/x").build());
      assertEquals(504, r.statusCode(), r.headers() + " " + r.body());
      Thread.sleep(800); // the backend's late body arrives now, into nothing
      assertEquals(List.of(), unhandled.stream().map(LogRecord::getMessage).toList());
    } finally {
      vertx.removeHandler(capture);
    }
  }

  @Test
  void answers503UntilItHasAState() throws Exception {
    gateway = new GatewayUnderTest(GatewayUnderTest.settings().build(), null);
    HttpResponse<String> r = gateway.send(gateway.request("/shop/1.0/public/x").build());
    assertEquals(503, r.statusCode());
    assertTrue(r.body().contains("not_ready"));
  }
}
