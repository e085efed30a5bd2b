package io.meridian.interfaces.publisher.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.TierView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Throttling policy bodies as JSON-B binds them, turned into specs, and policies as views. */
class TierAssemblerTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static ThrottlingPolicySpec spec(String json) {
    return TierAssembler.toSpec(JSONB.fromJson(json, TierRequest.class));
  }

  private static String code(String json) {
    return assertThrows(DomainException.class, () -> ThrottlingPolicy.create(spec(json))).code();
  }

  private static JsonObject view(ThrottlingPolicy p) {
    try (var reader = Json.createReader(new StringReader(JSONB.toJson(TierView.of(p))))) {
      return reader.readObject();
    }
  }

  @Test
  void readsEveryMember() {
    ThrottlingPolicySpec s =
        spec(
            """
            {"name":"Platinum","requestCount":10000,"unitSeconds":60,"burstPerSecond":500,
             "bandwidthBytes":1073741824,"bandwidthUnitSeconds":3600,"globalQuota":true,
             "description":"Partners"}
            """);
    assertEquals(
        new ThrottlingPolicySpec(
            "Platinum", 10_000, 60, 500, 1_073_741_824L, 3600, true, "Partners"),
        s);
  }

  @Test
  void leavesOptionalMembersOutAndQuotasPerDatacenter() {
    ThrottlingPolicySpec s = spec("{\"name\":\"Free\",\"requestCount\":0,\"unitSeconds\":60}");
    assertNull(s.burstPerSecond());
    assertNull(s.bandwidthBytes());
    assertNull(s.bandwidthUnitSeconds());
    assertFalse(s.globalQuota());
    assertEquals("", s.description());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"requestCount\":10,\"unitSeconds\":60}",
        "{\"name\":\"\",\"requestCount\":10,\"unitSeconds\":60}",
        "{\"name\":\"Gold Plus\",\"requestCount\":10,\"unitSeconds\":60}",
        "{\"name\":\"x\",\"unitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":10}",
        "{\"name\":\"x\",\"requestCount\":-1,\"unitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":0}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":86401}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"burstPerSecond\":0}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"burstPerSecond\":11}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"bandwidthBytes\":100}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"bandwidthUnitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"bandwidthBytes\":0,"
            + "\"bandwidthUnitSeconds\":60}"
      })
  void refusesABrokenPolicyAsInvalidTier(String json) {
    assertEquals("invalid_tier", code(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":1.5}",
        "{\"name\":\"x\",\"requestCount\":10.25,\"unitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":4294967356}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"burstPerSecond\":4294967297}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"burstPerSecond\":-4294967295}",
        "{\"name\":\"x\",\"requestCount\":1e30,\"unitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"bandwidthBytes\":1e19,"
            + "\"bandwidthUnitSeconds\":60}"
      })
  void refusesFractionsAndNumbersPastTheirRangeInsteadOfRoundingOrWrapping(String json) {
    assertEquals("invalid_tier", code(json));
  }

  @Test
  void acceptsWholeNumbersWrittenWithAnExponentOrTrailingZeros() {
    ThrottlingPolicySpec s = spec("{\"name\":\"x\",\"requestCount\":1e3,\"unitSeconds\":60.0}");
    assertEquals(1000, s.requestCount());
    assertEquals(60, s.unitSeconds());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"x\",\"requestCount\":\"many\",\"unitSeconds\":60}",
        "{\"name\":\"x\",\"requestCount\":[10],\"unitSeconds\":60}",
        "{\"name\":[\"x\"],\"requestCount\":10,\"unitSeconds\":60}"
      })
  void wrongJsonShapesFailBindingAsMalformedJsonDoes(String json) {
    // The JSON-B provider turns a JsonbException into the 400 malformed_json problem.
    assertThrows(JsonbException.class, () -> spec(json));
  }

  @Test
  void viewsLeaveOutLimitsThatAreNotSet() {
    JsonObject gold =
        view(
            ThrottlingPolicy.create(
                spec("{\"name\":\"Gold\",\"requestCount\":5000,\"unitSeconds\":60}")));
    assertEquals("Gold", gold.getString("name"));
    assertEquals(5000, gold.getJsonNumber("requestCount").longValue());
    assertEquals(60, gold.getInt("unitSeconds"));
    assertFalse(gold.containsKey("burstPerSecond"), gold.toString());
    assertFalse(gold.containsKey("bandwidthBytes"), gold.toString());
    assertFalse(gold.containsKey("bandwidthUnitSeconds"), gold.toString());
    assertFalse(gold.getBoolean("globalQuota"));
    assertFalse(gold.getBoolean("unlimited"));

    JsonObject unlimited =
        view(
            ThrottlingPolicy.create(
                spec("{\"name\":\"Unlimited\",\"requestCount\":0,\"unitSeconds\":60}")));
    assertTrue(unlimited.getBoolean("unlimited"));

    JsonObject spikes =
        view(
            ThrottlingPolicy.create(
                spec(
                    "{\"name\":\"Spikes\",\"requestCount\":0,\"unitSeconds\":60,"
                        + "\"burstPerSecond\":50,\"globalQuota\":true}")));
    assertFalse(spikes.getBoolean("unlimited"), "a burst limit is a limit");
    assertEquals(50, spikes.getInt("burstPerSecond"));
    assertTrue(spikes.getBoolean("globalQuota"));
  }

  @Test
  void aViewSentBackIsAValidReplacement() {
    ThrottlingPolicy p =
        ThrottlingPolicy.create(
            new ThrottlingPolicySpec("Gold", 5000, 60, 100, 1000L, 1, true, "Gold"));
    String sentBack = JSONB.toJson(TierView.of(p));
    ThrottlingPolicySpec s = spec(sentBack);
    p.update(s);
    assertEquals(TierView.of(p), JSONB.fromJson(sentBack, TierView.class));
  }
}
