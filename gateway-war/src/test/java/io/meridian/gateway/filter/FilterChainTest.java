package io.meridian.gateway.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteTable;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.Policies;
import io.meridian.gateway.state.ReplicaFreshness;
import io.meridian.gateway.state.Subscriptions;
import io.meridian.gateway.state.TestStates;
import io.meridian.gateway.throttle.Peers;
import io.meridian.gateway.throttle.QuotaShares;
import io.meridian.gateway.throttle.Throttle;
import io.meridian.gateway.token.TestTokens;
import io.meridian.gateway.token.TokenVerifier;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.CorsDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import io.meridian.shared.api.StalenessDefinition;
import io.meridian.shared.api.StalenessDefinition.WhenStale;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterChainTest {

  private static final RSAKey KEY = TestTokens.KEY;
  private static final Instant NOW = TestTokens.NOW;

  private static final CorsDefinition CORS =
      new CorsDefinition(
          List.of("https://app.example.com"),
          List.of("GET", "DELETE"),
          List.of("Authorization", "X-Trace"),
          List.of("X-Total"),
          true,
          600);

  private static ApiDefinition api(String id, String context) {
    return api(id, context, null);
  }

  private static ApiDefinition api(String id, String context, CorsDefinition cors) {
    return api(id, context, cors, null);
  }

  private static ApiDefinition api(
      String id, String context, CorsDefinition cors, StalenessDefinition staleness) {
    return TestStates.api(
        id,
        "n",
        context,
        List.of(
            new OperationDefinition("GET", "/menu", false, List.of(), "Unlimited"),
            new OperationDefinition("GET", "/orders/{id}", true, List.of("orders:read"), "Gold"),
            new OperationDefinition(
                "DELETE", "/orders/{id}", true, List.of("orders:admin"), "Gold")),
        new EndpointDefinition("http://backend", 1000),
        cors,
        staleness);
  }

  private final ReplicaFreshness freshness = new ReplicaFreshness();

  private final FilterChain chain =
      FilterChain.standard(
          100,
          1000,
          1000,
          new Throttle(Peers.ALONE, new QuotaShares(1), () -> NOW.toEpochMilli()),
          freshness);

  private GatewayState state(Set<String> revoked, String subscriptionState) {
    Subscriptions subs = new Subscriptions();
    if (subscriptionState != null) {
      subs.put("app-1", "pizza", subscriptionState);
    }
    subs.put("app-1", "blocked-api", "ACTIVE");
    subs.put("app-1", "cors-api", "ACTIVE");
    subs.put("app-1", "strict", "ACTIVE");
    subs.put("app-1", "lenient", "ACTIVE");
    return new GatewayState(
        1,
        new RouteTable(
            List.of(
                Route.of(api("pizza", "/pizza"), 1, false, "dc"),
                Route.of(api("blocked-api", "/blocked"), 1, true, "dc"),
                Route.of(api("cors-api", "/shop", CORS), 1, false, "dc"),
                Route.of(
                    api("strict", "/strict", CORS, new StalenessDefinition(2, WhenStale.REJECT)),
                    1,
                    false,
                    "dc"),
                Route.of(
                    api("lenient", "/lenient", null, new StalenessDefinition(2, WhenStale.SERVE)),
                    1,
                    false,
                    "dc"))),
        new TokenVerifier(
            List.of(KEY.toPublicJWK()),
            TestTokens.ISS,
            TestTokens.AUD,
            30,
            Clock.fixed(NOW, ZoneOffset.UTC)),
        "fp",
        revoked,
        subs,
        Policies.none());
  }

  private static String token() {
    return TestTokens.sign(TestTokens.claims().build(), KEY, "k1");
  }

  private static IncomingRequest get(String path, String authorization) {
    return new IncomingRequest("GET", path, null, authorization, -1, 100);
  }

  private GatewayError run(GatewayState state, IncomingRequest request) {
    return chain.run(new Exchange(request, state)) instanceof FilterResult.Reject r
        ? r.error()
        : null;
  }

  private static IncomingRequest preflight(String path, String origin, String method, String hdrs) {
    return new IncomingRequest("OPTIONS", path, null, null, -1, 100, origin, method, hdrs);
  }

  @Test
  void runsTheFiltersInTheirOrder() {
    assertEquals(
        List.of(
            "limits",
            "syntax",
            "route",
            "cors",
            "staleness",
            "authenticate",
            "revocation",
            "subscription",
            "scope",
            "throttle"),
        chain.ids());
  }

  @Test
  void malformedPercentEncodingIs400() {
    GatewayState s = state(Set.of(), "ACTIVE");
    for (String path : List.of("/pizza/1.0/%zz", "/pizza/1.0/menu%", "/pizza/1.0/a%4")) {
      GatewayError e = run(s, get(path, null));
      assertEquals(400, e.status(), path);
      assertEquals("malformed_path", e.code());
    }
    assertEquals("resource_not_found", run(s, get("/pizza/1.0/%41bc", null)).code());
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
    FilterResult r =
        chain.run(
            new Exchange(
                preflight(
                    "/shop/1.0/orders/7", "https://app.example.com", "DELETE", "authorization"),
                state(Set.of(), "ACTIVE")));
    LocalResponse answer = ((FilterResult.Respond) r).response();
    assertEquals(204, answer.status());
    assertEquals("https://app.example.com", answer.headers().get("Access-Control-Allow-Origin"));
    assertEquals("GET, DELETE", answer.headers().get("Access-Control-Allow-Methods"));
    assertEquals("Authorization, X-Trace", answer.headers().get("Access-Control-Allow-Headers"));
    assertEquals("true", answer.headers().get("Access-Control-Allow-Credentials"));
    assertEquals("600", answer.headers().get("Access-Control-Max-Age"));
  }

  @Test
  void aPreflightFromAnotherOriginOrForAnotherMethodOrHeaderIs403() {
    GatewayState s = state(Set.of(), "ACTIVE");
    GatewayError origin =
        run(s, preflight("/shop/1.0/orders/7", "https://evil.example", "GET", null));
    assertEquals(403, origin.status());
    assertEquals("cors_origin_not_allowed", origin.code());
    assertTrue(origin.headers().isEmpty(), "a refused preflight carries no CORS header");
    assertEquals(
        "cors_method_not_allowed",
        run(s, preflight("/shop/1.0/orders/7", "https://app.example.com", "PUT", null)).code());
    assertEquals(
        "cors_header_not_allowed",
        run(s, preflight("/shop/1.0/orders/7", "https://app.example.com", "GET", "X-Secret"))
            .code());
  }

  @Test
  void anActualRequestIsGrantedCorsOnlyForAnAllowedOrigin() {
    GatewayState s = state(Set.of(), "ACTIVE");
    String auth = "Bearer " + token();
    Exchange allowed =
        new Exchange(
            new IncomingRequest(
                "GET",
                "/shop/1.0/orders/7",
                null,
                auth,
                -1,
                100,
                "https://app.example.com",
                null,
                null),
            s);
    assertEquals(FilterResult.CONTINUE, chain.run(allowed));
    assertEquals("https://app.example.com", allowed.corsOrigin());
    Exchange other =
        new Exchange(
            new IncomingRequest(
                "GET",
                "/shop/1.0/orders/7",
                null,
                auth,
                -1,
                100,
                "https://evil.example",
                null,
                null),
            s);
    assertEquals(FilterResult.CONTINUE, chain.run(other));
    assertNull(other.cors(), "no CORS headers for an origin the API does not allow");
  }

  @Test
  void aPreflightToAnApiWithoutCorsIsAnOrdinaryOptionsRequest() {
    GatewayError e =
        run(
            state(Set.of(), "ACTIVE"),
            preflight("/pizza/1.0/orders/7", "https://app.example.com", "GET", null));
    assertEquals(405, e.status());
  }

  @Test
  void letsASubscribedApplicationThrough() {
    assertNull(run(state(Set.of(), "ACTIVE"), get("/pizza/1.0/orders/7", "Bearer " + token())));
  }

  @Test
  void operationsWithoutAuthNeedNoToken() {
    assertNull(run(state(Set.of(), null), get("/pizza/1.0/menu", null)));
  }

  @Test
  void aMissingTokenIs401WithABearerChallenge() {
    GatewayError e = run(state(Set.of(), "ACTIVE"), get("/pizza/1.0/orders/7", null));
    assertEquals(401, e.status());
    assertEquals("missing_token", e.code());
    assertEquals("Bearer realm=\"meridian\"", e.headers().get("WWW-Authenticate"));
    assertEquals(
        "missing_token",
        run(state(Set.of(), "ACTIVE"), get("/pizza/1.0/orders/7", "Basic abc")).code());
  }

  @Test
  void anInvalidTokenIs401InvalidToken() {
    GatewayError e =
        run(state(Set.of(), "ACTIVE"), get("/pizza/1.0/orders/7", "Bearer " + token() + "x"));
    assertEquals(401, e.status());
    assertTrue(e.headers().get("WWW-Authenticate").contains("error=\"invalid_token\""));
  }

  @Test
  void aRevokedTokenIs401() {
    GatewayError e =
        run(state(Set.of("jti-1"), "ACTIVE"), get("/pizza/1.0/orders/7", "Bearer " + token()));
    assertEquals(401, e.status());
    assertEquals("invalid_token", e.code());
  }

  @Test
  void unsubscribedOrBlockedSubscriptionsAre403() {
    assertEquals(
        "not_subscribed",
        run(state(Set.of(), null), get("/pizza/1.0/orders/7", "Bearer " + token())).code());
    assertEquals(
        "not_subscribed",
        run(state(Set.of(), "UNSUBSCRIBED"), get("/pizza/1.0/orders/7", "Bearer " + token()))
            .code());
    GatewayError blocked =
        run(state(Set.of(), "BLOCKED"), get("/pizza/1.0/orders/7", "Bearer " + token()));
    assertEquals(403, blocked.status());
    assertEquals("subscription_blocked", blocked.code());
  }

  @Test
  void aMissingScopeIs403InsufficientScope() {
    GatewayError e =
        run(
            state(Set.of(), "ACTIVE"),
            new IncomingRequest(
                "DELETE", "/pizza/1.0/orders/7", null, "Bearer " + token(), -1, 100));
    assertEquals(403, e.status());
    assertEquals("insufficient_scope", e.code());
    assertTrue(e.headers().get("WWW-Authenticate").contains("scope=\"orders:admin\""));
  }

  @Test
  void aBlockedApiIs503ForEveryone() {
    GatewayError e = run(state(Set.of(), "ACTIVE"), get("/blocked/1.0/menu", null));
    assertEquals(503, e.status());
    assertEquals("api_blocked", e.code());
  }

  @Test
  void routingFailuresAre404And405() {
    assertEquals("api_not_found", run(state(Set.of(), null), get("/none/1.0/x", null)).code());
    assertEquals(
        "resource_not_found", run(state(Set.of(), null), get("/pizza/1.0/nothing", null)).code());
    GatewayError na =
        run(
            state(Set.of(), null),
            new IncomingRequest("POST", "/pizza/1.0/menu", null, null, -1, 100));
    assertEquals(405, na.status());
    assertEquals("GET", na.headers().get("Allow"));
  }

  @Test
  void limitsAre414431And413() {
    GatewayState s = state(Set.of(), "ACTIVE");
    assertEquals(414, run(s, get("/pizza/1.0/" + "a".repeat(200), null)).status());
    assertEquals(
        431, run(s, new IncomingRequest("GET", "/pizza/1.0/menu", null, null, -1, 5000)).status());
    assertEquals(
        413, run(s, new IncomingRequest("POST", "/pizza/1.0/menu", null, null, 5000, 10)).status());
  }

  @Test
  void aFailClosedApiIs503WithRetryAfterOnlyWhileTheReplicaLagsBeyondItsBound() {
    GatewayState s = state(Set.of("jti-1"), "ACTIVE");
    String auth = "Bearer " + token();
    GatewayError unknown = run(s, get("/strict/1.0/orders/7", auth));
    assertEquals(503, unknown.status(), "no heartbeat read yet: freshness unproven");
    assertEquals("replica_stale", unknown.code());
    assertEquals("2", unknown.headers().get("Retry-After"));

    freshness.heartbeat(System.currentTimeMillis() - 5_000);
    GatewayError stale = run(s, get("/strict/1.0/orders/7", auth));
    assertEquals("replica_stale", stale.code());
    assertTrue(stale.message().contains("behind the master"), stale.message());
    assertEquals(
        "replica_stale", run(s, get("/strict/1.0/menu", null)).code(), "open operations too");

    freshness.heartbeat(System.currentTimeMillis() - 500);
    assertEquals(
        "invalid_token",
        run(s, get("/strict/1.0/orders/7", auth)).code(),
        "fresh again: the revocation decides");
  }

  @Test
  void aFailOpenApiIsServedWhateverTheLag() {
    freshness.heartbeat(System.currentTimeMillis() - 60_000);
    GatewayState s = state(Set.of(), "ACTIVE");
    assertNull(run(s, get("/lenient/1.0/orders/7", "Bearer " + token())));
    assertNull(run(s, get("/pizza/1.0/orders/7", "Bearer " + token())), "no rule: served");
  }

  @Test
  void aPreflightToAFailClosedApiIsAnsweredEvenWhenStale() {
    FilterResult r =
        chain.run(
            new Exchange(
                preflight("/strict/1.0/orders/7", "https://app.example.com", "GET", null),
                state(Set.of(), "ACTIVE")));
    assertTrue(r instanceof FilterResult.Respond, r.toString());
  }

  @Test
  void theFreshnessNeverGoesBackAndClocksAheadCountAsCurrent() {
    ReplicaFreshness f = new ReplicaFreshness();
    assertEquals(ReplicaFreshness.UNKNOWN, f.lagMillis(1_000));
    f.heartbeat(10_000);
    f.heartbeat(9_000);
    assertEquals(500, f.lagMillis(10_500));
    assertEquals(0, f.lagMillis(9_900), "a master clock slightly ahead: no negative lag");
  }
}
