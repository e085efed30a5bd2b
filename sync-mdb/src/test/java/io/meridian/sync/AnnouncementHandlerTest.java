package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announcements: what is retried (anything temporary, the replica's read errors included), what is
 * refused, and that an interrupt is kept and ends the retries. Retries are kept in a list and run
 * by the test.
 */
class AnnouncementHandlerTest {

  @TempDir Path server;
  @TempDir Path cacheDir;

  private DirectoryArtifactStore store;
  private Artifacts artifacts;
  private FakeReplica replica;
  private final List<Map<String, ActiveApi>> activations = new ArrayList<>();
  private final List<Runnable> retries = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = new DirectoryArtifactStore(server);
    artifacts = new Artifacts(store);
    replica = new FakeReplica(artifacts.publicKey);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted(); // never leak a flag into the next test
  }

  private SyncCoordinator coordinator(ArtifactStore files) {
    SyncCoordinator c = new SyncCoordinator();
    c.settings = new SyncSettings();
    c.settings.datacenter = "dc-ro1";
    c.settings.node = "n1";
    c.settings.replicaWaitMillis = 40;
    c.activation = activations::add;
    c.init(
        replica,
        files,
        new LastKnownGoodCache(cacheDir),
        new RetrySchedule((task, delay) -> retries.add(task)));
    c.restore();
    return c;
  }

  private Map<String, ActiveApi> active() {
    return activations.get(activations.size() - 1);
  }

  private void runRetries() {
    List<Runnable> due = new ArrayList<>(retries);
    retries.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void aSigningKeyTheReplicaCannotReadIsRetriedNotRejected() throws Exception {
    SyncCoordinator c = coordinator(store);
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    replica.keysFail = true;

    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertEquals(0, c.rejectedArtifacts());
    assertEquals("", c.lastRejection());
    assertEquals(1, retries.size(), "retried");
    assertTrue(c.status().lastError().contains("Connection refused"), c.status().lastError());
    assertTrue(c.artifactServerReachable(), "the artifact server did answer");

    replica.keysFail = false;
    runRetries();
    assertEquals(sha, active().get("a").sha256());
    assertEquals(0, c.rejectedArtifacts());
    assertTrue(retries.isEmpty());
  }

  @Test
  void aReplicaPositionReadErrorIsRetriedNotRejected() throws Exception {
    SyncCoordinator c = coordinator(store);
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    replica.positionFails = true;

    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertEquals(0, c.rejectedArtifacts());
    assertEquals(1, retries.size());
    assertTrue(c.status().lastError().contains("replica"), c.status().lastError());
    assertFalse(active().containsKey("a"));

    runRetries(); // still failing: retried again
    assertEquals(1, retries.size());
    replica.positionFails = false;
    runRetries();
    assertEquals(sha, active().get("a").sha256());
  }

  @Test
  void aRefusedArtifactIsAnAlarmAndNotRetried() throws Exception {
    SyncCoordinator c = coordinator(store);
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    store.put(ArtifactPaths.artifact(sha), Artifacts.published("a", 9).toBytes());

    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertEquals(1, c.rejectedArtifacts());
    assertTrue(c.lastRejection().contains("hash_mismatch"), c.lastRejection());
    assertTrue(retries.isEmpty());
  }

  @Test
  void anInterruptDuringTheReplicaWaitIsKeptAndEndsTheRetries() throws Exception {
    SyncCoordinator c = coordinator(store);
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    replica.replayed = false;
    replica.interruptCaller = true;

    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored");
    assertTrue(retries.isEmpty(), "an interrupted thread schedules no retry");
    assertTrue(c.status().lastError().contains("Interrupted"), c.status().lastError());
    assertEquals(0, c.rejectedArtifacts());
  }

  @Test
  void anInterruptedThreadSchedulesNoRetryWhenTheArtifactServerFails() throws Exception {
    ApiArtifact a = Artifacts.published("a", 1);
    String sha = artifacts.upload(a);
    SyncCoordinator c =
        coordinator(
            new ArtifactStore() {
              @Override
              public void put(String path, byte[] bytes) {}

              @Override
              public Optional<byte[]> get(String path) throws IOException {
                throw new IOException("Connection refused");
              }

              @Override
              public String location() {
                return "down";
              }
            });
    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertEquals(1, retries.size(), "the artifact server is down: retried");
    assertFalse(c.artifactServerReachable());
    retries.clear();

    Thread.currentThread().interrupt();
    assertFalse(c.onAnnouncement(Artifacts.announce(1, a, sha)));
    assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
    assertTrue(retries.isEmpty(), "an interrupted thread schedules no retry");
    assertEquals(0, c.rejectedArtifacts());
  }
}
