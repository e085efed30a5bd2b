package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.Policies;
import io.meridian.gateway.state.TestStates;
import io.meridian.gateway.throttle.ThrottlePolicy;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.OperationDefinition;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling through the real gateway: the 429 answer and the RateLimit headers. */
class ThrottlingTest {

  private static final ThrottlePolicy THREE_A_MINUTE =
      new ThrottlePolicy("Three", 3, 60_000, 0, 0, 0, false);
  private static final ThrottlePolicy UNLIMITED =
      new ThrottlePolicy("Unlimited", 0, 60_000, 0, 0, 0, false);

  private TestBackend backend;
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() {
    gateway.close();
    backend.close();
  }

  private void start(String subscriptionTier, String applicationTier) throws Exception {
    backend = TestBackend.start(r -> r.response().end("ok"));
    ApiDefinition shop = TestStates.shop(List.of(backend.url()), 5000, null);
    gateway =
        new GatewayUnderTest(
            GatewayUnderTest.settings().build(),
            TestStates.withPolicies(
                new Policies(List.of(THREE_A_MINUTE, UNLIMITED), Map.of("app-1", applicationTier)),
                subscriptionTier,
                shop));
  }

  private HttpResponse<String> call() throws Exception {
    return gateway.send(
        gateway
            .request("/shop/1.0/items/1")
            .header("Authorization", "Bearer " + TestStates.token())
            .build());
  }

  @Test
  void theFourthCallOfThreeAMinuteIs429WithRetryAfterAndTheLevel() throws Exception {
    start("Three", "Unlimited");
    for (int remaining = 2; remaining >= 0; remaining--) {
      HttpResponse<String> ok = call();
      assertEquals(200, ok.statusCode());
      assertEquals("3", ok.headers().firstValue("RateLimit-Limit").orElse(null));
      assertEquals(
          Integer.toString(remaining), ok.headers().firstValue("RateLimit-Remaining").orElse(null));
      assertTrue(ok.headers().firstValue("RateLimit-Reset").isPresent());
    }
    HttpResponse<String> refused = call();
    assertEquals(429, refused.statusCode());
    assertTrue(refused.body().contains("\"code\":\"throttled_subscription\""), refused.body());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 54 && retryAfter <= 66, "Retry-After " + retryAfter);
    assertEquals("0", refused.headers().firstValue("RateLimit-Remaining").orElse(null));
    assertEquals(3, backend.requests.get(), "a refused call never reaches the backend");
  }

  @Test
  void theApplicationsTierAppliesToAllItsCalls() throws Exception {
    start("Unlimited", "Three");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, call().statusCode());
    }
    HttpResponse<String> refused = call();
    assertEquals(429, refused.statusCode());
    assertTrue(refused.body().contains("throttled_application"), refused.body());
  }

  @Test
  void anOperationsTierLimitsThatOperationForEveryoneTogether() throws Exception {
    backend = TestBackend.start(r -> r.response().end("ok"));
    ApiDefinition shop = TestStates.shop(List.of(backend.url()), 5000, null);
    List<OperationDefinition> ops = new ArrayList<>(shop.operations());
    ops.set(3, new OperationDefinition("GET", "/public/*", false, List.of(), "Three"));
    ApiDefinition limited =
        new ApiDefinition(
            shop.apiId(),
            shop.name(),
            shop.context(),
            shop.version(),
            false,
            "",
            List.of(),
            "PUBLIC",
            "owner",
            ops,
            shop.defaultEndpoint(),
            Map.of(),
            null,
            null);
    gateway =
        new GatewayUnderTest(
            GatewayUnderTest.settings().build(),
            TestStates.withPolicies(
                new Policies(List.of(THREE_A_MINUTE, UNLIMITED), Map.of()), null, limited));
    for (int i = 0; i < 3; i++) {
      assertEquals(
          200, gateway.send(gateway.request("/shop/1.0/public/" + i).build()).statusCode());
    }
    HttpResponse<String> refused = gateway.send(gateway.request("/shop/1.0/public/x").build());
    assertEquals(429, refused.statusCode());
    assertTrue(refused.body().contains("throttled_operation"), refused.body());
    assertEquals(200, call().statusCode(), "other operations are not limited by it");
  }

  @Test
  void unlimitedMeansNoLimitAndNoRateLimitHeaders() throws Exception {
    start("Unlimited", "Unlimited");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = call();
      assertEquals(200, r.statusCode());
      assertFalse(r.headers().firstValue("RateLimit-Limit").isPresent());
    }
  }
}
