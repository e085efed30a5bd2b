package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.TestStates;
import io.meridian.shared.api.CorsDefinition;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cross-origin calls through the real gateway: preflights answered there, grants on answers. */
class CorsTest {

  private static final String APP = "https://app.example.com";

  private TestBackend backend;
  private GatewayUnderTest gateway;

  @BeforeEach
  void start() throws Exception {
    backend =
        TestBackend.start(
            r ->
                r.response()
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("X-Total", "3")
                    .end("ok"));
    CorsDefinition cors =
        new CorsDefinition(
            List.of(APP),
            List.of("GET", "PUT"),
            List.of("authorization"),
            List.of("X-Total"),
            true,
            600);
    gateway =
        new GatewayUnderTest(
            GatewayUnderTest.settings().build(),
            TestStates.of(TestStates.shop(List.of(backend.url()), 5000, cors)));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private HttpResponse<String> preflight(String origin, String method) throws Exception {
    return gateway.send(
        gateway
            .request("/shop/1.0/items/1")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "authorization")
            .build());
  }

  @Test
  void aPreflightIsAnsweredByTheGatewayWithoutATokenAndNeverForwarded() throws Exception {
    HttpResponse<String> r = preflight(APP, "PUT");
    assertEquals(204, r.statusCode(), r.body());
    assertEquals(APP, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("GET, PUT", r.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
    assertEquals(
        "authorization", r.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
    assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
    assertEquals("600", r.headers().firstValue("Access-Control-Max-Age").orElse(null));
    assertEquals(0, backend.requests.get());
  }

  @Test
  void aPreflightFromAnotherOriginIsRefusedWithoutCorsHeaders() throws Exception {
    HttpResponse<String> r = preflight("https://evil.example", "GET");
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("cors_origin_not_allowed"));
    assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    assertEquals(0, backend.requests.get());
  }

  @Test
  void anAllowedOriginGetsTheGatewaysGrantInsteadOfTheBackendsHeaders() throws Exception {
    HttpResponse<String> r =
        gateway.send(
            gateway
                .request("/shop/1.0/items/1")
                .header("Origin", APP)
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(200, r.statusCode());
    assertEquals(List.of(APP), r.headers().allValues("Access-Control-Allow-Origin"));
    assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
    assertEquals("X-Total", r.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
    assertTrue(r.headers().allValues("Vary").contains("Origin"));
  }

  @Test
  void anotherOriginGetsNoCorsHeadersAtAll() throws Exception {
    HttpResponse<String> r =
        gateway.send(
            gateway
                .request("/shop/1.0/items/1")
                .header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + TestStates.token())
                .build());
    assertEquals(200, r.statusCode());
    assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void aRefusalToAnAllowedOriginCarriesTheGrantSoThePageCanReadIt() throws Exception {
    HttpResponse<String> r =
        gateway.send(gateway.request("/shop/1.0/items/1").header("Origin", APP).build());
    assertEquals(401, r.statusCode());
    assertEquals(APP, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }
}
