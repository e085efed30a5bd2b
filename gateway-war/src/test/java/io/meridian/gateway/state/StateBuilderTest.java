package io.meridian.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.meridian.gateway.routing.Route;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.sync.ActiveApi;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateBuilderTest {

  private final StateBuilder builder =
      new StateBuilder("dc-test", "iss", "aud", 30, Clock.systemUTC());

  @Test
  void anActivationCompilesOnlyTheNewApiAndKeepsWhatItDerivedFromTheSameRead() {
    ControlPlaneSource.ControlPlaneData read = data(1, "app-1");
    ActiveApi shop = active("shop", "/shop", 1, "sha-shop-1");
    GatewayState first = builder.build(read, List.of(shop), null);

    ActiveApi pets = active("pets", "/pets", 1, "sha-pets-1");
    GatewayState second = builder.build(read, List.of(shop, pets), first);

    assertEquals(2, second.routes().size());
    assertSame(route(first, "shop"), route(second, "shop"));
    assertSame(first.subscriptions(), second.subscriptions());
    assertSame(first.policies(), second.policies());
  }

  @Test
  void aNewArtifactOfAnApiGetsANewRoute() {
    ControlPlaneSource.ControlPlaneData read = data(1, "app-1");
    GatewayState first =
        builder.build(read, List.of(active("shop", "/shop", 1, "sha-shop-1")), null);

    GatewayState second =
        builder.build(read, List.of(active("shop", "/shop", 2, "sha-shop-2")), first);

    assertNotSame(route(first, "shop"), route(second, "shop"));
    assertEquals(2, route(second, "shop").revision());
  }

  @Test
  void aNewReadOfTheDatabaseIsDerivedAgain() {
    List<ActiveApi> apis = List.of(active("shop", "/shop", 1, "sha-shop-1"));
    GatewayState first = builder.build(data(1, "app-1"), apis, null);

    GatewayState second = builder.build(data(2, "app-2"), apis, first);

    assertNotSame(first.subscriptions(), second.subscriptions());
    assertEquals(Subscriptions.Status.ACTIVE, second.subscriptions().status("app-2", "shop"));
    assertEquals(Subscriptions.Status.NONE, second.subscriptions().status("app-1", "shop"));
    assertEquals(2, second.sequence());
  }

  private static Route route(GatewayState state, String apiId) {
    return state.routes().routes().stream()
        .filter(r -> r.apiId().equals(apiId))
        .findFirst()
        .orElseThrow();
  }

  private static ControlPlaneSource.ControlPlaneData data(long sequence, String subscriber) {
    return new ControlPlaneSource.ControlPlaneData(
        sequence,
        List.of(),
        Set.of(),
        List.of(new ControlPlaneSource.SubscriptionRow(subscriber, "shop", "ACTIVE", "Unlimited")),
        List.of(),
        Map.of());
  }

  private static ActiveApi active(String apiId, String context, int revision, String sha) {
    ApiDefinition d =
        TestStates.api(
            apiId,
            apiId,
            context,
            List.of(),
            new EndpointDefinition(List.of("http://127.0.0.1:9/"), 1000),
            null);
    return new ActiveApi(
        sha, revision, new ApiArtifact(apiId, revision, ArtifactState.PUBLISHED, d));
  }
}
