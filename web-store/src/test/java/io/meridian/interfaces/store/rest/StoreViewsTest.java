package io.meridian.interfaces.store.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.Endpoint;
import io.meridian.domain.model.api.Operation;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.TierView;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationRequest;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationView;
import io.meridian.interfaces.store.rest.CatalogResource.CatalogApiView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Store bodies as JSON-B binds them, and what developers see: an application's tier, an API's tier,
 * and the throttling policies they can choose from.
 */
class StoreViewsTest {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static JsonObject json(Object view) {
    try (var reader = Json.createReader(new StringReader(JSONB.toJson(view)))) {
      return reader.readObject();
    }
  }

  /** A body bound as the store binds it, made into an application as the service does. */
  private static Application application(String body) {
    ApplicationRequest r = JSONB.fromJson(body, ApplicationRequest.class);
    return Application.create("dev", r.name(), r.description(), r.tier(), NOW);
  }

  @Test
  void anApplicationTakesATierAndShowsIt() {
    JsonObject gold =
        json(ApplicationView.of(application("{\"name\":\"Shop\",\"tier\":\"Gold\"}")));
    assertEquals("Gold", gold.getString("tier"));
    assertEquals("Shop", gold.getString("name"));
    assertEquals("dev", gold.getString("owner"));
  }

  @Test
  void anApplicationWithoutATierIsUnlimitedAsBefore() {
    ApplicationRequest old =
        JSONB.fromJson("{\"name\":\"Shop\",\"description\":\"web\"}", ApplicationRequest.class);
    assertNull(old.tier());
    JsonObject view = json(ApplicationView.of(application("{\"name\":\"Shop\"}")));
    assertEquals("Unlimited", view.getString("tier"));
  }

  @Test
  void aBlankOrMisshapenTierIsRefused() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> application("{\"name\":\"Shop\",\"tier\":\"  \"}"));
    assertEquals("missing_field", e.code());
    // The JSON-B provider turns a JsonbException into the 400 malformed_json problem.
    assertThrows(
        JsonbException.class, () -> application("{\"name\":\"Shop\",\"tier\":[\"Gold\"]}"));
  }

  @Test
  void aViewSentBackKeepsTheTier() {
    String sentBack =
        JSONB.toJson(ApplicationView.of(application("{\"name\":\"Shop\",\"tier\":\"Silver\"}")));
    assertEquals("Silver", JSONB.fromJson(sentBack, ApplicationRequest.class).tier());
  }

  @Test
  void theCatalogShowsTheApiTierButNoBackend() {
    ApiSpec spec =
        new ApiSpec(
            "Pizza",
            "/pizza",
            "1.0",
            false,
            "",
            List.of(),
            null,
            List.of(new Operation("GET", "/menu", false, List.of(), "Gold")),
            new Endpoint("http://10.0.0.1:9000", null),
            null,
            null,
            "Bronze",
            null);
    JsonObject view = json(CatalogApiView.of(Api.create(spec, "pat", NOW)));
    assertEquals("Bronze", view.getString("tier"));
    assertEquals("Gold", view.getJsonArray("operations").getJsonObject(0).getString("tier"));
    assertFalse(view.toString().contains("10.0.0.1"), view.toString());
  }

  @Test
  void policiesShowTheirLimitsAndLeaveOutWhatIsNotSet() {
    List<TierView> views =
        List.of(
            TierView.of(
                ThrottlingPolicy.create(
                    new ThrottlingPolicySpec(
                        "Gold", 5000, 60, 100, 1_048_576L, 60, true, "Paying"))),
            TierView.of(
                ThrottlingPolicy.create(
                    new ThrottlingPolicySpec(
                        "Unlimited", 0, 60, null, null, null, false, "No limit"))));
    JsonArray array;
    try (var reader = Json.createReader(new StringReader(JSONB.toJson(views)))) {
      array = reader.readArray();
    }
    JsonObject gold = array.getJsonObject(0);
    assertEquals(5000, gold.getInt("requestCount"));
    assertEquals(100, gold.getInt("burstPerSecond"));
    assertEquals(1_048_576, gold.getInt("bandwidthBytes"));
    assertEquals(60, gold.getInt("bandwidthUnitSeconds"));
    assertEquals(true, gold.getBoolean("globalQuota"));
    assertEquals(false, gold.getBoolean("unlimited"));
    JsonObject unlimited = array.getJsonObject(1);
    assertEquals(true, unlimited.getBoolean("unlimited"));
    assertFalse(unlimited.containsKey("burstPerSecond"));
    assertFalse(unlimited.containsKey("bandwidthBytes"));
  }
}
