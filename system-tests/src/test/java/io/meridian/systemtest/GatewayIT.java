package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real master (EAR on Payara Server) + a gateway node on Payara Micro + a real backend: what
 * API consumers see at the gateway, and how fast the master's changes reach it.
 */
class GatewayIT {

  static final String GATEWAY =
      System.getProperty("meridian.st.gateway.url", "http://127.0.0.1:21280");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Backend backend;
  private static Http publisher;
  private static Http developer;
  private static String context;
  private static String apiId;
  private static String appId;
  private static String subscriptionId;
  private static Http client;

  @BeforeAll
  static void publishSubscribeAndWaitForTheGateway() throws Exception {
    backend = new Backend();
    publisher = Fixtures.publisher();
    context = "/" + Fixtures.unique("gw");
    apiId = publish(context, backend.url(), 1000);
    developer = Http.as(Fixtures.signUp(), Fixtures.PASSWORD);
    appId = Fixtures.application(developer);
    subscriptionId =
        developer
            .post(
                "/store/api/v1/applications/" + appId + "/subscriptions",
                "{\"apiId\":\"" + apiId + "\",\"tier\":\"Gold\"}")
            .json()
            .getString("id");
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    client = Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"));
    await(() -> call("GET", context + "/1.0/public", null), r -> r.statusCode() == 204, 10_000);
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  private static String publish(String context, String url, int timeoutMillis) {
    String body =
        """
        {"name":"Gateway test","context":"%s","version":"1.0","defaultVersion":true,
         "operations":[
           {"method":"GET","uriTemplate":"/orders/{id}","scopes":["orders:read"],"tier":"Gold"},
           {"method":"GET","uriTemplate":"/public","authRequired":false},
           {"method":"GET","uriTemplate":"/slow","authRequired":false}],
         "endpoints":{"production":{"url":"%s","timeoutMillis":%d}}}
        """
            .formatted(context, url, timeoutMillis);
    return publish(body);
  }

  private static String publish(String body) {
    return Fixtures.publish(publisher, body);
  }

  private static String token(Http oauthClient, String scope) {
    Http.Reply r =
        oauthClient.form(
            "/store/oauth2/token", params("grant_type", "client_credentials", "scope", scope));
    assertEquals(200, r.status(), r.toString());
    return r.json().getString("access_token");
  }

  static HttpResponse<String> call(String method, String path, String token) {
    return GatewayClient.send(method, GATEWAY + path, token);
  }

  /** Repeats a call until its response satisfies the condition; returns how long it took. */
  static long await(
      java.util.function.Supplier<HttpResponse<String>> call,
      Predicate<HttpResponse<String>> done,
      long timeoutMillis) {
    return Await.response(call, done, timeoutMillis);
  }

  private static String code(HttpResponse<String> r) {
    return ((JsonObject) Http.parse(r.body())).getString("code");
  }

  @Test
  void proxiesToTheBackendWithItsBodyAndHeaders() {
    String token = token(client, "orders:read");
    HttpResponse<String> r = call("GET", context + "/1.0/orders/42?expand=items", token);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"order\":\"42\"}", r.body());
    assertEquals("orders", r.headers().firstValue("X-Backend").orElse(null));
    String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
    Map<String, String> seen = backend.seen.get(requestId);
    assertNotNull(seen, "the backend received the gateway's request id");
    assertFalse(
        seen.containsKey("authorization"), "the consumer's token must not reach the backend");
    assertEquals("127.0.0.1", seen.get("x-forwarded-for"));
    assertEquals("http", seen.get("x-forwarded-proto"));
    assertEquals("expand=items", seen.get(":query"));
    assertEquals("/orders/42", seen.get(":path"));
  }

  @Test
  void servesTheDefaultVersionWithoutTheVersionSegment() {
    assertEquals(204, call("GET", context + "/public", null).statusCode());
  }

  @Test
  void operationsThatNeedAuthRefuseAMissingToken() {
    HttpResponse<String> missing = call("GET", context + "/1.0/orders/1", null);
    assertEquals(401, missing.statusCode());
    assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals("missing_token", code(missing));
  }

  @Test
  void anApplicationWithoutSubscriptionIs403() {
    String otherApp = Fixtures.application(developer);
    JsonObject keys = developer.post("/store/api/v1/applications/" + otherApp + "/keys").json();
    Http other = Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"));
    HttpResponse<String> r = call("GET", context + "/1.0/orders/1", token(other, ""));
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("not_subscribed", code(r));
  }

  @Test
  void unknownApiIs404AndAnInvalidTokenIs401() {
    HttpResponse<String> r = call("GET", "/no-such-api/1.0/x", null);
    assertEquals(404, r.statusCode());
    assertEquals("api_not_found", code(r));
    HttpResponse<String> bad = call("GET", context + "/1.0/orders/1", "not-a-jwt");
    assertEquals(401, bad.statusCode());
    assertEquals("invalid_token", code(bad));
  }

  @Test
  void backendDownIs502AndSlowIs504() throws Exception {
    String deadContext = "/" + Fixtures.unique("dead");
    publish(deadContext, Backend.deadUrl(), 1000);
    await(() -> call("GET", deadContext + "/1.0/public", null), r -> r.statusCode() == 502, 10_000);
    HttpResponse<String> down = call("GET", deadContext + "/1.0/public", null);
    assertEquals(502, down.statusCode(), down.body());
    assertEquals("backend_unavailable", code(down));

    HttpResponse<String> slow = call("GET", context + "/1.0/slow", null);
    assertEquals(504, slow.statusCode(), slow.body());
    assertEquals("backend_timeout", code(slow));
  }

  @Test
  void blockingTheSubscriptionTakesEffectWithinASecond() {
    String token = token(client, "orders:read");
    assertEquals(200, call("GET", context + "/1.0/orders/7", token).statusCode());
    Http.Reply blocked =
        publisher.post(
            "/publisher/api/v1/apis/" + apiId + "/subscriptions/" + subscriptionId + "/block");
    assertEquals(200, blocked.status(), blocked.toString());
    try {
      long took =
          await(
              () -> call("GET", context + "/1.0/orders/7", token),
              r -> r.statusCode() == 403,
              5_000);
      assertTrue(took < 1_500, "took " + took + " ms");
      assertEquals("subscription_blocked", code(call("GET", context + "/1.0/orders/7", token)));
    } finally {
      publisher.post(
          "/publisher/api/v1/apis/" + apiId + "/subscriptions/" + subscriptionId + "/unblock");
    }
    await(() -> call("GET", context + "/1.0/orders/7", token), r -> r.statusCode() == 200, 5_000);
  }

  @Test
  void aRevokedTokenIsRefusedWithinASecond() {
    String token = token(client, "orders:read");
    await(() -> call("GET", context + "/1.0/orders/8", token), r -> r.statusCode() == 200, 5_000);
    assertEquals(200, client.form("/store/oauth2/revoke", params("token", token)).status());
    long took =
        await(
            () -> call("GET", context + "/1.0/orders/8", token), r -> r.statusCode() == 401, 5_000);
    assertTrue(took < 1_500, "took " + took + " ms");
  }

  @Test
  void oversizedUrisAndHeadersGetTheGatewaysOwnErrors() throws Exception {
    HttpResponse<String> uri = call("GET", context + "/1.0/orders/" + "a".repeat(9_000), null);
    assertEquals(414, uri.statusCode(), uri.body());
    assertEquals("uri_too_long", code(uri));
    HttpRequest big =
        HttpRequest.newBuilder(URI.create(GATEWAY + context + "/1.0/public"))
            .header("X-Big", "a".repeat(20_000))
            .build();
    HttpResponse<String> headers = CLIENT.send(big, HttpResponse.BodyHandlers.ofString());
    assertEquals(431, headers.statusCode(), headers.body());
    assertEquals("headers_too_large", code(headers));
  }

  @Test
  void aPublishedCorsPolicyAndASecondBackendUrlReachTheGateway() throws Exception {
    String ctx = "/" + Fixtures.unique("cors");
    String body =
        """
        {"name":"CORS and failover","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/public","authRequired":false}],
         "endpoints":{"production":{"urls":["%s","%s"],"timeoutMillis":2000}},
         "cors":{"allowOrigins":["https://app.example.com"],"allowMethods":["GET"],
                 "allowHeaders":["authorization"],"maxAgeSeconds":300}}
        """
            .formatted(ctx, Backend.deadUrl(), backend.url());
    publish(body);
    HttpRequest preflight =
        HttpRequest.newBuilder(URI.create(GATEWAY + ctx + "/1.0/public"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://app.example.com")
            .header("Access-Control-Request-Method", "GET")
            .build();
    Await.response(() -> send(preflight), r -> r.statusCode() == 204, 10_000);
    HttpResponse<String> answer = send(preflight);
    assertEquals(
        "https://app.example.com",
        answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("GET", answer.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
    // The first URL refuses connections: GETs fail over to the second, every one of them.
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(URI.create(GATEWAY + ctx + "/1.0/public"))
                  .header("Origin", "https://app.example.com")
                  .build());
      assertEquals(204, r.statusCode(), r.body());
      assertEquals(
          "https://app.example.com",
          r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
      assertFalse(r.headers().firstValue("Server").isPresent(), "no server banner");
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTokenWithoutTheOperationsScopeIs403() {
    HttpResponse<String> r = call("GET", context + "/1.0/orders/9", token(client, ""));
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("insufficient_scope", code(r));
  }
}
