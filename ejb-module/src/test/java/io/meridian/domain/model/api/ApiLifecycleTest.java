package io.meridian.domain.model.api;

import static io.meridian.domain.model.api.ApiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.ApiDefinitionJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiLifecycleTest {

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @CsvSource({
    "CREATED, PUBLISHED, true",
    "CREATED, DEPRECATED, false",
    "CREATED, BLOCKED, false",
    "CREATED, RETIRED, false",
    "PUBLISHED, PUBLISHED, true",
    "PUBLISHED, BLOCKED, true",
    "PUBLISHED, DEPRECATED, true",
    "PUBLISHED, RETIRED, false",
    "PUBLISHED, CREATED, false",
    "BLOCKED, PUBLISHED, true",
    "BLOCKED, DEPRECATED, false",
    "DEPRECATED, RETIRED, true",
    "DEPRECATED, PUBLISHED, false",
    "RETIRED, PUBLISHED, false",
    "RETIRED, CREATED, false"
  })
  void allowsOnlyTheDocumentedTransitions(ApiState from, ApiState to, boolean allowed) {
    assertEquals(allowed, from.canBecome(to));
  }

  @Test
  void refusesAnIllegalTransitionWithAStableCode() {
    Api api = ApiFixtures.api();
    DomainException e =
        assertThrows(DomainException.class, () -> api.transitionTo(ApiState.RETIRED, "pat", NOW));
    assertEquals("illegal_lifecycle_transition", e.code());
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
    assertEquals(ApiState.CREATED, api.state());
  }

  @Test
  void firstPublicationFreezesRevisionOne() {
    Api api = ApiFixtures.api();
    ApiRevision r = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertEquals(1, r.number());
    assertEquals(ApiDefinitionJson.write(api.definition()), r.definition());
    assertEquals(64, r.sha256().length());
    assertFalse(api.hasUnpublishedChanges());
  }

  @Test
  void editsMakeANewRevisionOnlyWhenPublishedAgain() {
    Api api = ApiFixtures.api();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    api.update(ApiFixtures.spec("/pizza", "Now with calzone"), NOW.plusMinutes(1));
    assertTrue(api.hasUnpublishedChanges());
    assertEquals(1, api.latestRevision());

    ApiRevision r2 = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertEquals(2, r2.number());
    assertTrue(r2.definition().contains("Now with calzone"));
  }

  @Test
  void republishingAnUnchangedApiFreezesNothing() {
    Api api = ApiFixtures.api();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    assertTrue(api.transitionTo(ApiState.PUBLISHED, "pat", NOW).isEmpty());
    assertEquals(1, api.latestRevision());
  }

  @Test
  void blockingAndUnblockingFreezeNoRevision() {
    Api api = ApiFixtures.api();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    assertTrue(api.transitionTo(ApiState.BLOCKED, "pat", NOW).isEmpty());
    assertTrue(api.transitionTo(ApiState.PUBLISHED, "pat", NOW).isEmpty());
    assertEquals(ApiState.PUBLISHED, api.state());
  }

  @Test
  void contextAndVersionFreezeOncePublished() {
    Api api = ApiFixtures.api();
    api.update(ApiFixtures.spec("/pasta", ""), NOW);
    assertEquals("/pasta", api.context());
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    DomainException e =
        assertThrows(DomainException.class, () -> api.update(ApiFixtures.spec("/pizza", ""), NOW));
    assertEquals("api_identity_frozen", e.code());
  }

  @Test
  void retiredApisCannotBeEdited() {
    Api api = ApiFixtures.api();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    api.transitionTo(ApiState.DEPRECATED, "pat", NOW);
    api.transitionTo(ApiState.RETIRED, "pat", NOW);
    DomainException e =
        assertThrows(DomainException.class, () -> api.update(ApiFixtures.spec(), NOW));
    assertEquals("api_not_editable", e.code());
    assertTrue(api.state().isDeletable());
  }

  @Test
  void onlyPublishedApisTakeSubscriptions() {
    for (ApiState s : ApiState.values()) {
      assertEquals(s == ApiState.PUBLISHED, s.acceptsSubscriptions(), s.name());
    }
  }

  private static Api withPoolAndCors() {
    Endpoint pool = new Endpoint(List.of("http://10.0.0.1:9000", "http://10.0.0.2:9000"), 5000);
    Endpoint dc2 = new Endpoint(List.of("http://10.1.0.5:9000", "http://10.1.0.6:9000"), null);
    return Api.create(
        ApiFixtures.spec("/pizza", "", pool, Map.of("dc-2", dc2), ApiFixtures.cors()), "pat", NOW);
  }

  @Test
  void freezesEveryUrlAndTheCorsPolicyInTheRevision() {
    Api api = withPoolAndCors();
    ApiRevision r = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    ApiDefinition frozen = ApiDefinitionJson.read(r.definition());
    assertEquals(
        List.of("http://10.0.0.1:9000", "http://10.0.0.2:9000"), frozen.defaultEndpoint().urls());
    assertEquals(
        List.of("http://10.1.0.5:9000", "http://10.1.0.6:9000"), frozen.endpointFor("dc-2").urls());
    assertEquals(ApiFixtures.cors().definition(), frozen.cors());
    assertEquals(api.definition(), frozen);
  }

  @Test
  void anEditWithoutCorsRemovesItAndMustBePublishedAgain() {
    Api api = withPoolAndCors();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    api.update(ApiFixtures.spec(), NOW.plusMinutes(1));
    assertTrue(api.cors().isEmpty());
    assertTrue(api.hasUnpublishedChanges());
    ApiRevision r2 = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertNull(ApiDefinitionJson.read(r2.definition()).cors());
    assertFalse(r2.definition().contains("\"cors\""));
  }

  @Test
  void anApiWithoutCorsOrUrlListsWritesTheDocumentItAlwaysDid() {
    String json = ApiDefinitionJson.write(ApiFixtures.api().definition());
    assertFalse(json.contains("\"cors\""), json);
    assertFalse(json.contains("\"urls\""), json);
    assertTrue(json.contains("\"url\":\"http://127.0.0.1:9000\""), json);
  }

  private static ApiSpec withTier(String tier) {
    ApiSpec s = ApiFixtures.spec();
    return new ApiSpec(
        s.name(),
        s.context(),
        s.version(),
        s.defaultVersion(),
        s.description(),
        s.tags(),
        s.visibility(),
        s.operations(),
        s.defaultEndpoint(),
        s.datacenterEndpoints(),
        s.cors(),
        tier,
        null);
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void freezesTheApiTierInTheRevision() {
    Api api = Api.create(withTier("Gold"), "pat", NOW);
    assertEquals("Gold", api.tier());
    assertEquals("Gold", api.definition().tier());
    ApiRevision r = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertEquals("Gold", parse(r.definition()).getString("tier"));
    assertEquals(api.definition(), ApiDefinitionJson.read(r.definition()));
  }

  @Test
  void anUnlimitedApiWritesNoTierSoOldHashesStay() {
    Api api = ApiFixtures.api();
    assertEquals("Unlimited", api.tier());
    String json = ApiDefinitionJson.write(api.definition());
    assertFalse(parse(json).containsKey("tier"), json);
    String named =
        ApiDefinitionJson.write(Api.create(withTier("Unlimited"), "pat", NOW).definition());
    assertFalse(parse(named).containsKey("tier"), named);
  }

  @Test
  void changingTheApiTierMustBePublishedAgain() {
    Api api = ApiFixtures.api();
    api.transitionTo(ApiState.PUBLISHED, "pat", NOW);
    api.update(withTier("Silver"), NOW.plusMinutes(1));
    assertTrue(api.hasUnpublishedChanges());
    ApiRevision r2 = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertEquals("Silver", ApiDefinitionJson.read(r2.definition()).tier());
    api.update(withTier("Unlimited"), NOW.plusMinutes(2));
    assertTrue(api.hasUnpublishedChanges());
  }
}
