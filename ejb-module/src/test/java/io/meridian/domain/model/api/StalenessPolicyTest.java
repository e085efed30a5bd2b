package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.ApiDefinitionJson;
import io.meridian.shared.api.StalenessDefinition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StalenessPolicyTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 12, 2, 3, 0, 0, 0, ZoneOffset.UTC);

  private static DomainException refused(Integer seconds, String whenStale) {
    return assertThrows(DomainException.class, () -> new StalenessPolicy(seconds, whenStale));
  }

  @Test
  void refusesALagOutOfRangeAndAnUnknownOrMissingAnswer() {
    assertEquals("invalid_staleness", refused(0, "reject").code());
    assertEquals("invalid_staleness", refused(86_401, "reject").code());
    assertEquals("invalid_staleness", refused(null, "reject").code());
    DomainException unknown = refused(5, "REJECT");
    assertEquals("invalid_staleness", unknown.code());
    assertTrue(unknown.getMessage().contains("\"serve\" or \"reject\""), unknown.getMessage());
    assertTrue(refused(5, null).getMessage().contains("whenStale is required"));
  }

  @Test
  void aRuleIsPartOfThePublishedDefinitionAndSurvivesARollback() {
    Api api = Api.create(withRule(new StalenessPolicy(5, "reject")), "pat", NOW);
    ApiRevision r1 = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    StalenessDefinition published = ApiDefinitionJson.read(r1.definition()).staleness();
    assertEquals(
        new StalenessDefinition(5, StalenessDefinition.WhenStale.REJECT), published, "frozen");

    api.update(withRule(null), NOW);
    ApiRevision r2 = api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow();
    assertEquals(null, ApiDefinitionJson.read(r2.definition()).staleness());

    api.rollBackTo(r1, "pat", NOW);
    assertEquals(new StalenessPolicy(5, "reject"), api.staleness().orElseThrow());
    assertEquals("reject", api.staleness().orElseThrow().whenStale());
  }

  private static ApiSpec withRule(StalenessPolicy rule) {
    return ApiFixtures.withStaleness(
        ApiFixtures.spec("/pizza", "", new Endpoint("http://127.0.0.1:9000", 5000), Map.of(), null),
        rule);
  }
}
