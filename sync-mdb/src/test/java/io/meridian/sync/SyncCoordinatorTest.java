package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator's rules, against a real directory store and cache and a fake replica. */
class SyncCoordinatorTest {

  @TempDir Path server;
  @TempDir Path cacheDir;

  private final KeyPair keys = ed25519();
  private final FakeReplica replica = new FakeReplica();
  private final List<Map<String, ActiveApi>> activations = new ArrayList<>();
  private DirectoryArtifactStore store;

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private final class FakeReplica implements Replica {
    boolean replayed = true;
    long visibleManifest = Long.MAX_VALUE;

    @Override
    public Optional<String> artifactKey(String kid) {
      return kid.equals("k1")
          ? Optional.of(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
          : Optional.empty();
    }

    @Override
    public boolean hasReplayed(String lsn) {
      return replayed;
    }

    @Override
    public long visibleManifestRevision() {
      return visibleManifest;
    }

    @Override
    public ReplicaPosition position() {
      return ReplicaPosition.PRIMARY;
    }
  }

  @BeforeEach
  void setUp() {
    store = new DirectoryArtifactStore(server);
  }

  private SyncCoordinator coordinator() {
    SyncCoordinator c = new SyncCoordinator();
    c.settings = new SyncSettings();
    c.settings.datacenter = "dc-ro1";
    c.settings.node = "n1";
    c.settings.replicaWaitMillis = 50;
    c.activation = activations::add;
    c.init(replica, store, new LastKnownGoodCache(cacheDir));
    c.restore();
    return c;
  }

  private static ApiArtifact artifact(
      String apiId, int revision, ArtifactState state, String path) {
    return Artifacts.artifact(apiId, revision, state, path);
  }

  /** Writes a signed artifact to the "server"; returns its hash. */
  private String upload(ApiArtifact a) throws Exception {
    byte[] bytes = a.toBytes();
    String sha = Digests.sha256(bytes);
    signed(ArtifactPaths.artifact(sha), bytes);
    return sha;
  }

  private void signed(String path, byte[] bytes) throws Exception {
    store.put(path, bytes);
    store.put(
        ArtifactPaths.signatureOf(path),
        DocumentSignature.sign(bytes, "k1", keys.getPrivate()).toBytes());
  }

  private void manifest(long revision, Manifest.Entry... entries) throws Exception {
    signed(ArtifactPaths.manifest(revision), new Manifest(revision, List.of(entries)).toBytes());
    store.put(
        ArtifactPaths.LATEST_MANIFEST, Long.toString(revision).getBytes(StandardCharsets.US_ASCII));
  }

  private static Announcement announce(long id, ApiArtifact a, String sha) {
    return new Announcement(a.apiId(), a.revision(), a.state(), sha, id, "0/1", "t");
  }

  private Map<String, ActiveApi> active() {
    return activations.get(activations.size() - 1);
  }

  @Test
  void reconcilesWithTheManifestAndARestartServesFromTheCacheAlone() throws Exception {
    ApiArtifact a = artifact("a", 1, ArtifactState.PUBLISHED, "/menu");
    String sha = upload(a);
    manifest(1, new Manifest.Entry("a", 1, "PUBLISHED", sha));
    SyncCoordinator first = coordinator();
    first.reconcile();
    assertEquals(sha, active().get("a").sha256());
    assertTrue(first.artifactServerReachable());
    assertEquals(1, first.activeManifestRevision());
    assertEquals(1, first.lastKnownGoodRevision());

    // The artifact server is gone: a new node process still serves what was active.
    Files.walk(server)
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    SyncCoordinator restarted = coordinator();
    assertEquals(sha, active().get("a").sha256());
    assertTrue(restarted.status().restoredFromCache());
    assertEquals(1, restarted.lastKnownGoodRevision());
    restarted.reconcile(); // unreachable manifest: keeps serving
    assertEquals(sha, active().get("a").sha256());
    assertEquals(1, restarted.activeManifestRevision());
  }

  @Test
  void readsAsAnMxBeanAndResyncsOnDemand() throws Exception {
    SyncCoordinator c = coordinator();
    String sha = upload(artifact("a", 1, ArtifactState.PUBLISHED, "/menu"));
    manifest(1, new Manifest.Entry("a", 1, "PUBLISHED", sha));
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName(SyncManagement.OBJECT_NAME);
    server.registerMBean(
        new SyncManagement(c, replica, null, null, Executors.defaultThreadFactory()), name);
    assertEquals(0L, server.getAttribute(name, "ActiveManifestRevision"));
    assertEquals(false, server.getAttribute(name, "ArtifactServerReachable"));

    String outcome = (String) server.invoke(name, "resync", null, null);
    assertTrue(outcome.contains("manifest 1 reconciled"), outcome);
    assertEquals(1L, server.getAttribute(name, "ActiveManifestRevision"));
    assertEquals(1L, server.getAttribute(name, "ReconciledManifestRevision"));
    assertEquals(1L, server.getAttribute(name, "LastKnownGoodRevision"));
    assertEquals(true, server.getAttribute(name, "ArtifactServerReachable"));
    assertEquals(0L, server.getAttribute(name, "RejectedArtifacts"));
    assertEquals("", server.getAttribute(name, "LastRejectionReason"));
    assertEquals("", server.getAttribute(name, "LastAnnouncement"));
    assertEquals("", server.getAttribute(name, "LastAnnouncementTime"));
    // The replica's position is read by the management's own task, not started here.
    assertEquals("", server.getAttribute(name, "ReplicaReplayLsn"));
    assertEquals(-1.0, server.getAttribute(name, "ReplicaLagSeconds"));
    assertTrue(((String) server.invoke(name, "reloadState", null, null)).contains("no gateway"));
  }

  @Test
  void aTamperedArtifactIsRejectedAndThePreviousRevisionStays() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact v1 = artifact("a", 1, ArtifactState.PUBLISHED, "/menu");
    String sha1 = upload(v1);
    assertTrue(c.onAnnouncement(announce(1, v1, sha1)));

    ApiArtifact v2 = artifact("a", 2, ArtifactState.PUBLISHED, "/menu2");
    String sha2 = upload(v2);
    store.put(
        ArtifactPaths.artifact(sha2), artifact("a", 2, ArtifactState.PUBLISHED, "/evil").toBytes());
    assertFalse(c.onAnnouncement(announce(2, v2, sha2)));
    assertEquals(sha1, active().get("a").sha256());
    assertEquals(1, c.status().rejectedArtifacts());
    assertEquals(1, c.rejectedArtifacts());
    assertTrue(c.lastRejection().contains(sha2), c.lastRejection());
    assertTrue(c.lastAnnouncement().contains("revision 2"), c.lastAnnouncement());
    assertTrue(c.artifactServerReachable()); // reached: what it served was refused

    // A correct document with a signature by an unknown key is refused too.
    String sha3 = upload(artifact("a", 3, ArtifactState.PUBLISHED, "/menu3"));
    store.put(
        ArtifactPaths.signatureOf(ArtifactPaths.artifact(sha3)),
        DocumentSignature.sign(
                store.get(ArtifactPaths.artifact(sha3)).orElseThrow(), "k2", ed25519().getPrivate())
            .toBytes());
    assertFalse(
        c.onAnnouncement(announce(3, artifact("a", 3, ArtifactState.PUBLISHED, "/menu3"), sha3)));
    assertEquals(sha1, active().get("a").sha256());
    assertEquals(2, c.status().rejectedArtifacts());
  }

  @Test
  void activationWaitsForTheReplicaToReplayTheAnnouncedPosition() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact a = artifact("a", 1, ArtifactState.PUBLISHED, "/menu");
    String sha = upload(a);
    replica.replayed = false;
    assertFalse(c.onAnnouncement(announce(1, a, sha)));
    assertFalse(active().containsKey("a"));
    assertTrue(c.status().lastError().contains("replica"));
    replica.replayed = true;
    assertTrue(c.onAnnouncement(announce(1, a, sha)));
    assertEquals(sha, active().get("a").sha256());
  }

  @Test
  void anOlderManifestNeverRollsBackAnAnnouncedRevisionAndRetiredApisGo() throws Exception {
    SyncCoordinator c = coordinator();
    ApiArtifact v1 = artifact("a", 1, ArtifactState.PUBLISHED, "/menu");
    String sha1 = upload(v1);
    manifest(1, new Manifest.Entry("a", 1, "PUBLISHED", sha1));
    ApiArtifact v2 = artifact("a", 2, ArtifactState.PUBLISHED, "/menu2");
    String sha2 = upload(v2);
    assertTrue(c.onAnnouncement(announce(2, v2, sha2)));
    c.reconcile(); // manifest 1 is older than the announced publication 2
    assertEquals(sha2, active().get("a").sha256());

    // The replica has not caught up with manifest 3 yet: nothing changes until it has.
    ApiArtifact retired = artifact("a", 2, ArtifactState.RETIRED, "/menu2");
    upload(retired);
    manifest(3);
    replica.visibleManifest = 2;
    c.reconcile();
    assertTrue(active().containsKey("a"));
    replica.visibleManifest = 3;
    c.reconcile();
    assertFalse(active().containsKey("a"));
  }
}
