package io.meridian.gateway.state;

import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteTable;
import io.meridian.gateway.token.TestTokens;
import io.meridian.gateway.token.TokenVerifier;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.CorsDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import io.meridian.shared.api.StalenessDefinition;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gateway states for tests: an API {@code /shop/1.0} whose operations are {@code GET|POST|PUT
 * /items/*} (token needed, no scope) and {@code GET /public/*} (no token), application app-1
 * subscribed, tokens from {@link TestTokens} valid at {@link TestTokens#NOW}.
 */
public final class TestStates {

  private TestStates() {}

  public static ApiDefinition shop(
      List<String> backendUrls, int timeoutMillis, CorsDefinition cors) {
    return api(
        "shop",
        "Shop",
        "/shop",
        List.of(
            new OperationDefinition("GET", "/items/*", true, List.of(), "Unlimited"),
            new OperationDefinition("POST", "/items/*", true, List.of(), "Unlimited"),
            new OperationDefinition("PUT", "/items/*", true, List.of(), "Unlimited"),
            new OperationDefinition("GET", "/public/*", false, List.of(), "Unlimited")),
        new EndpointDefinition(backendUrls, timeoutMillis),
        cors);
  }

  /** A public version 1.0 of an API at {@code context}. */
  public static ApiDefinition api(
      String apiId,
      String name,
      String context,
      List<OperationDefinition> operations,
      EndpointDefinition endpoint,
      CorsDefinition cors) {
    return api(apiId, name, context, operations, endpoint, cors, null);
  }

  /** The same, with a staleness rule. */
  public static ApiDefinition api(
      String apiId,
      String name,
      String context,
      List<OperationDefinition> operations,
      EndpointDefinition endpoint,
      CorsDefinition cors,
      StalenessDefinition staleness) {
    return new ApiDefinition(
        apiId,
        name,
        context,
        "1.0",
        false,
        "",
        List.of(),
        "PUBLIC",
        "owner",
        operations,
        endpoint,
        Map.of(),
        cors,
        null,
        staleness);
  }

  public static GatewayState of(ApiDefinition... apis) {
    return withPolicies(Policies.none(), null, apis);
  }

  /** A state with throttling policies; app-1's subscriptions use {@code subscriptionTier}. */
  public static GatewayState withPolicies(
      Policies policies, String subscriptionTier, ApiDefinition... apis) {
    Subscriptions subscriptions = new Subscriptions();
    for (ApiDefinition api : apis) {
      subscriptions.put("app-1", api.apiId(), "ACTIVE", subscriptionTier);
    }
    return new GatewayState(
        1,
        new RouteTable(
            java.util.Arrays.stream(apis).map(a -> Route.of(a, 1, false, "dc-test")).toList()),
        new TokenVerifier(
            List.of(TestTokens.KEY.toPublicJWK()),
            TestTokens.ISS,
            TestTokens.AUD,
            30,
            Clock.fixed(TestTokens.NOW, ZoneOffset.UTC)),
        "fp",
        Set.of(),
        subscriptions,
        policies);
  }

  /** A token of app-1. */
  public static String token() {
    return TestTokens.sign(TestTokens.claims().build(), TestTokens.KEY, "k1");
  }
}
