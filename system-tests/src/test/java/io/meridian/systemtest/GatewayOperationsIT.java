package io.meridian.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator's tools see on the gateway node's administration port: MicroProfile Health
 * (readiness with the gateway's own check, liveness), open to anyone, and the gateway's figures in
 * Prometheus text at {@code /metrics}, per API, for the node's operator only (HTTP Basic).
 */
class GatewayOperationsIT {

  private static final String ADMIN = Topology.adminOf(GatewayIT.GATEWAY);

  /** The node's name, as system-tests/pom.xml starts it (its administration credential's). */
  private static final String NODE = "st-gateway";

  private static Backend backend;
  private static String context;
  private static String apiId;

  @BeforeAll
  static void publishAnApiAndCallIt() throws Exception {
    backend = new Backend();
    context = "/" + Fixtures.unique("ops");
    apiId = publishAndAwait(context);
    for (int i = 0; i < 5; i++) {
      assertEquals(204, GatewayIT.call("GET", context + "/1.0/public", null).statusCode());
    }
    assertEquals(404, GatewayIT.call("GET", context + "/1.0/nowhere", null).statusCode());
  }

  /** Publishes an API with one public operation at {@code context}; returns once it answers. */
  private static String publishAndAwait(String context) {
    String body =
        """
        {"name":"Operations test","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/public","authRequired":false}],
         "endpoints":{"production":{"url":"%s","timeoutMillis":5000}}}
        """
            .formatted(context, backend.url());
    String id = Fixtures.publish(Fixtures.publisher(), body);
    Await.response(
        () -> GatewayIT.call("GET", context + "/1.0/public", null),
        r -> r.statusCode() == 204,
        10_000);
    return id;
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  /** A call to the administration port as the node's operator. */
  private static HttpResponse<String> admin(String path) {
    return GatewayClient.sendAuthorized("GET", ADMIN + path, Topology.nodeAdminAuthorization(NODE));
  }

  private static HttpResponse<String> anonymous(String path) {
    return GatewayClient.send("GET", ADMIN + path, null);
  }

  @Test
  void opensMetricsOnlyToTheOperatorAndHealthToAnyone() {
    HttpResponse<String> metrics = anonymous("/metrics");
    assertEquals(401, metrics.statusCode(), metrics.body());
    assertEquals(
        "Basic realm=\"meridian-node\"",
        metrics.headers().firstValue("WWW-Authenticate").orElse(null));
    assertEquals("", metrics.body());
    HttpResponse<String> wrong =
        GatewayClient.sendAuthorized(
            "GET",
            ADMIN + "/metrics",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("meridian-ops:not-the-password".getBytes(UTF_8)));
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertEquals(401, anonymous("/-/sync").statusCode());
    HttpResponse<String> ready = anonymous("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"meridian-gateway-readiness\""), ready.body());
    assertEquals(200, admin("/metrics").statusCode());
  }

  @Test
  void isReadyByItsOwnCheckWithWhatItServes() {
    HttpResponse<String> r = admin("/health/ready");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"meridian-gateway-readiness\""), r.body());
    assertTrue(r.body().contains("\"sequence\""), r.body());
    assertTrue(r.body().contains("\"manifestRevision\""), r.body());
  }

  /**
   * A publication reaches the gateway as an artifact: it must not make the node read keys,
   * subscriptions and revocations again (which every node of every DC did, at the moment the
   * publication reached it); a change of those does.
   */
  @Test
  void readsItsStateAgainForItsOwnChangesNotForPublications() {
    long before = stateSequence();
    publishAndAwait("/" + Fixtures.unique("ops-next"));
    assertEquals(before, stateSequence(), "state read again for a publication");
    Fixtures.application(Http.as(Fixtures.signUp(), Fixtures.PASSWORD));
    Await.until(
        () -> stateSequence() > before,
        10_000,
        () -> "state still at change " + before + " after an application was created");
  }

  /** The change-log position of the state the node serves, from its readiness check. */
  private static long stateSequence() {
    HttpResponse<String> r = admin("/health/ready");
    Matcher m = Pattern.compile("\"sequence\":\"?(\\d+)").matcher(r.body());
    assertTrue(m.find(), r.body());
    return Long.parseLong(m.group(1));
  }

  @Test
  void isLiveAndStarted() {
    HttpResponse<String> live = admin("/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(live.body().contains("\"meridian-gateway-liveness\""), live.body());
    HttpResponse<String> started = admin("/health/started");
    assertEquals(200, started.statusCode(), started.body());
    assertTrue(started.body().contains("\"meridian-gateway-startup\""), started.body());
  }

  @Test
  void publishesEachApisTrafficAsMetrics() {
    // Per-API gauges are added off the request path, every few seconds.
    Await.response(
        () -> admin("/metrics"),
        r -> value(r.body(), "meridian_gateway_api_requests") >= 6,
        20_000);
    String metrics = admin("/metrics").body();
    assertEquals(1, value(metrics, "meridian_gateway_api_client_errors"), metrics);
    assertEquals(0, value(metrics, "meridian_gateway_api_server_errors"), metrics);
    assertTrue(value(metrics, "meridian_gateway_api_window_requests") >= 6, metrics);
    assertTrue(value(metrics, "meridian_gateway_api_latency_p99_millis") > 0, metrics);
    assertTrue(nodeValue(metrics, "meridian_gateway_requests") >= 6, metrics);
    assertTrue(nodeValue(metrics, "meridian_gateway_routes") >= 1, metrics);
    assertTrue(metrics.contains("meridian_sync_active_manifest_revision"), metrics);
  }

  /** The value of {@code name} for this test's API, or -1 when it is not there. */
  private static double value(String metrics, String name) {
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{[^}]*api=\"" + Pattern.quote(apiId) + "\"[^}]*\\} ([-0-9.eE+]+)",
                Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** The value of a node-wide {@code name} (its only tag, if any, the registry's scope). */
  private static double nodeValue(String metrics, String name) {
    Matcher m =
        Pattern.compile("^" + name + "(\\{[^}]*\\})? ([-0-9.eE+]+)", Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(2)) : -1;
  }
}
