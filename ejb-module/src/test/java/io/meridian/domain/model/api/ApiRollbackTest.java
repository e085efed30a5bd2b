package io.meridian.domain.model.api;

import static io.meridian.domain.model.api.ApiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.ApiDefinitionJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRollbackTest {

  /** Revision 1 (CORS, an override), revision 2 (another description and endpoint, no CORS). */
  private static Api publishedTwice(List<ApiRevision> revisions) {
    Api api =
        Api.create(
            ApiFixtures.spec(
                "/pizza",
                "First",
                new Endpoint(List.of("http://10.0.0.1:9000", "http://10.0.0.2:9000"), 2000),
                Map.of("dc-2", new Endpoint("http://10.1.0.5:9000", null)),
                ApiFixtures.cors()),
            "pat",
            NOW);
    revisions.add(api.transitionTo(ApiState.PUBLISHED, "pat", NOW).orElseThrow());
    api.update(
        ApiFixtures.spec(
            "/pizza", "Second", new Endpoint("http://10.0.0.9:9000", 500), Map.of(), null),
        NOW.plusMinutes(1));
    revisions.add(api.transitionTo(ApiState.PUBLISHED, "pat", NOW.plusMinutes(1)).orElseThrow());
    return api;
  }

  @Test
  void anEarlierRevisionComesBackAsANewOneWithItsDefinition() {
    List<ApiRevision> revisions = new ArrayList<>();
    Api api = publishedTwice(revisions);
    ApiRevision r3 = api.rollBackTo(revisions.get(0), "ops", NOW.plusMinutes(2));
    assertEquals(3, r3.number());
    assertEquals(3, api.latestRevision());
    assertEquals("ops", r3.createdBy());
    // The same definition, byte for byte: the same canonical JSON and hash as revision 1.
    assertEquals(revisions.get(0).definition(), r3.definition());
    assertEquals(revisions.get(0).sha256(), r3.sha256());
    assertEquals("First", api.description());
    assertEquals(ApiFixtures.cors(), api.cors().orElseThrow());
    assertEquals(ApiDefinitionJson.read(r3.definition()), api.definition());
    assertEquals(ApiState.PUBLISHED, api.state());
    assertFalse(api.hasUnpublishedChanges());
  }

  @Test
  void rollingBackToWhatIsLiveIsAConflict() {
    List<ApiRevision> revisions = new ArrayList<>();
    Api api = publishedTwice(revisions);
    api.rollBackTo(revisions.get(0), "ops", NOW.plusMinutes(2));
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> api.rollBackTo(revisions.get(0), "ops", NOW.plusMinutes(3)));
    assertEquals("revision_in_service", e.code());
    assertEquals(3, api.latestRevision());
  }

  @Test
  void onlyAnEarlierRevisionOfAPublishedApi() {
    List<ApiRevision> revisions = new ArrayList<>();
    Api api = publishedTwice(revisions);
    assertEquals(
        "invalid_revision",
        assertThrows(DomainException.class, () -> api.rollBackTo(revisions.get(1), "ops", NOW))
            .code());
    Api other = publishedTwice(new ArrayList<>());
    assertEquals(
        "invalid_revision",
        assertThrows(DomainException.class, () -> other.rollBackTo(revisions.get(0), "ops", NOW))
            .code());
    api.transitionTo(ApiState.DEPRECATED, "pat", NOW);
    DomainException e =
        assertThrows(DomainException.class, () -> api.rollBackTo(revisions.get(0), "ops", NOW));
    assertEquals("illegal_lifecycle_transition", e.code());
    assertEquals(2, api.latestRevision());
  }
}
