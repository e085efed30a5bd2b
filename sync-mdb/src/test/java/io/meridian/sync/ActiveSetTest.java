package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.shared.artifact.DeploymentAck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap: results that arrive out of order never make what is served go backwards. */
class ActiveSetTest {

  @TempDir Path cacheDir;

  private final List<Map<String, ActiveApi>> activations = new ArrayList<>();
  private final List<DeploymentAck> acks = new ArrayList<>();
  private LastKnownGoodCache cache;
  private ActiveSet active;

  @BeforeEach
  void setUp() {
    cache = new LastKnownGoodCache(cacheDir);
    active = new ActiveSet(cache, activations::add, acks::addAll, "dc", "n1");
    active.restore();
  }

  private static ActiveApi api(String apiId, long publishedAt, ArtifactState state) {
    ApiArtifact a = Artifacts.artifact(apiId, (int) publishedAt, state, "/p" + publishedAt);
    return new ActiveApi("sha-" + apiId + "-" + publishedAt, publishedAt, a);
  }

  private static ActiveApi api(String apiId, long publishedAt) {
    return api(apiId, publishedAt, ArtifactState.PUBLISHED);
  }

  @Test
  void aLateOlderAnnouncementNeverReplacesANewerOne() {
    assertTrue(active.announced("a", api("a", 5)).changed());
    assertFalse(active.announced("a", api("a", 3)).changed());
    assertEquals(5, active.apis().get("a").publishedAt());
    assertEquals(5, active.activeManifestRevision());
    assertEquals(1, acks.size(), "only what was applied is acknowledged");
    assertEquals(5, activations.get(activations.size() - 1).get("a").publishedAt());
    assertEquals(5, cache.revision(), "the last-known-good cache too");
  }

  @Test
  void anOlderManifestsResultNeverOverwritesANewerOnesAndTheRevisionNeverGoesBack() {
    active.reconciled(7, Map.of("a", api("a", 7)), Set.of());
    active.reconciled(6, Map.of("a", api("a", 6), "b", api("b", 6)), Set.of("a"));
    assertEquals(7, active.reconciledManifest());
    assertEquals(Set.of("a"), active.apis().keySet());
    assertEquals(7, active.apis().get("a").publishedAt());
    assertTrue(active.reflects("a", 4), "publication 4 is older than manifest 7");
  }

  @Test
  void aManifestOlderThanAnAnnouncedPublicationNeitherReplacesNorRemovesIt() {
    active.announced("a", api("a", 9));
    active.announced("b", api("b", 9));
    active.reconciled(8, Map.of("a", api("a", 8)), Set.of("b"));
    assertEquals(9, active.apis().get("a").publishedAt());
    assertTrue(active.apis().containsKey("b"));
    assertEquals(8, active.reconciledManifest());
    assertEquals(9, active.activeManifestRevision());
  }

  @Test
  void anApiRetiredByAnnouncementIsNotBroughtBackByAnOlderResult() {
    active.announced("a", api("a", 4));
    active.announced("a", api("a", 6, ArtifactState.RETIRED));
    assertFalse(active.apis().containsKey("a"));
    assertFalse(active.announced("a", api("a", 5)).changed());
    active.reconciled(5, Map.of("a", api("a", 5)), Set.of());
    assertFalse(active.apis().containsKey("a"), "manifest 5 predates the retirement at 6");
    active.reconciled(7, Map.of("a", api("a", 7)), Set.of());
    assertTrue(active.apis().containsKey("a"), "a later manifest may publish it again");
  }
}
