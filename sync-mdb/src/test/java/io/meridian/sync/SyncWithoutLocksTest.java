package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators and other results are never held up by a fetch or a replica wait, and a slow result
 * that finishes last never rolls back a newer one. The slow parts are latches the test releases.
 */
class SyncWithoutLocksTest {

  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @TempDir Path server;
  @TempDir Path cacheDir;

  private BlockingStore store;
  private Artifacts artifacts;
  private FakeReplica replica;
  private final List<Map<String, ActiveApi>> activations = new CopyOnWriteArrayList<>();
  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @BeforeEach
  void setUp() {
    store = new BlockingStore(new DirectoryArtifactStore(server));
    artifacts = new Artifacts(store);
    replica = new FakeReplica(artifacts.publicKey);
  }

  @AfterEach
  void tearDown() {
    store.released.countDown();
    background.shutdownNow();
  }

  private SyncCoordinator coordinator() {
    SyncCoordinator c = new SyncCoordinator();
    c.settings = new SyncSettings();
    c.settings.datacenter = "dc-ro1";
    c.settings.node = "n1";
    c.settings.replicaWaitMillis = 5000;
    c.activation = activations::add;
    c.init(replica, store, new LastKnownGoodCache(cacheDir));
    c.restore();
    return c;
  }

  private Map<String, ActiveApi> active() {
    return activations.get(activations.size() - 1);
  }

  @Test
  void statusAndAnnouncementsGoOnWhileAReconciliationWaitsForTheArtifactServer() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact slow = Artifacts.published("slow", 1);
    String slowSha = artifacts.upload(slow);
    artifacts.manifest(1, Artifacts.entry(slow, slowSha));
    store.block(ArtifactPaths.artifact(slowSha));
    Future<?> reconciling = background.submit(c::reconcile);
    assertTrue(store.entered.await(5, TimeUnit.SECONDS), "the fetch started");

    SyncStatus status = assertTimeoutPreemptively(PROMPTLY, c::status);
    assertEquals(0, status.reconciledManifest());
    ApiArtifact other = Artifacts.published("other", 1);
    String otherSha = artifacts.upload(other);
    assertTrue(
        assertTimeoutPreemptively(
            PROMPTLY, () -> c.onAnnouncement(Artifacts.announce(2, other, otherSha))));
    assertEquals(otherSha, active().get("other").sha256());
    assertEquals(2, assertTimeoutPreemptively(PROMPTLY, c::activeManifestRevision));

    store.released.countDown();
    reconciling.get(5, TimeUnit.SECONDS);
    assertEquals(slowSha, active().get("slow").sha256());
    assertEquals(otherSha, active().get("other").sha256(), "the announced API stays");
    assertEquals(1, c.status().reconciledManifest());
    assertEquals(2, c.activeManifestRevision());
  }

  @Test
  void statusAnswersWhileAnAnnouncementWaitsForTheReplica() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    replica.replayEntered = new CountDownLatch(1);
    replica.replayReleased = new CountDownLatch(1);
    Future<Boolean> announcing =
        background.submit(() -> c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertTrue(replica.replayEntered.await(5, TimeUnit.SECONDS), "the wait started");

    assertTimeoutPreemptively(PROMPTLY, c::status);
    assertTimeoutPreemptively(PROMPTLY, c::reconcile); // nothing published: nothing to do

    replica.replayReleased.countDown();
    assertTrue(announcing.get(5, TimeUnit.SECONDS));
    assertEquals(sha, active().get("a").sha256());
  }

  @Test
  void aSlowReconciliationWithAnOlderManifestNeverRollsBackANewerOne() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact v2 = Artifacts.published("a", 2);
    String sha2 = artifacts.upload(v2);
    artifacts.manifest(2, Artifacts.entry(v2, sha2));
    store.block(ArtifactPaths.artifact(sha2));
    Future<?> older = background.submit(c::reconcile);
    assertTrue(store.entered.await(5, TimeUnit.SECONDS));

    ApiArtifact v3 = Artifacts.published("a", 3);
    String sha3 = artifacts.upload(v3);
    artifacts.manifest(3, Artifacts.entry(v3, sha3));
    assertTimeoutPreemptively(PROMPTLY, c::reconcile);
    assertEquals(sha3, active().get("a").sha256());

    store.released.countDown();
    older.get(5, TimeUnit.SECONDS);
    assertEquals(sha3, active().get("a").sha256(), "manifest 2 finished last, and lost");
    assertEquals(3, c.status().reconciledManifest());
    assertEquals(3, c.activeManifestRevision());
    assertEquals(sha3, new LastKnownGoodCache(cacheDir).readActive().get("a").sha256());
  }

  @Test
  void aSlowOlderAnnouncementNeverRollsBackANewerOne() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact v2 = Artifacts.published("a", 2);
    String sha2 = artifacts.upload(v2);
    store.block(ArtifactPaths.artifact(sha2));
    Future<Boolean> older =
        background.submit(() -> c.onAnnouncement(Artifacts.announce(2, v2, sha2)));
    assertTrue(store.entered.await(5, TimeUnit.SECONDS));

    ApiArtifact v3 = Artifacts.published("a", 3);
    String sha3 = artifacts.upload(v3);
    assertTrue(
        assertTimeoutPreemptively(
            PROMPTLY, () -> c.onAnnouncement(Artifacts.announce(3, v3, sha3))));

    store.released.countDown();
    assertTrue(older.get(5, TimeUnit.SECONDS), "reflected: something newer is active");
    assertEquals(sha3, active().get("a").sha256());
    assertEquals(3, c.activeManifestRevision());
  }
}
