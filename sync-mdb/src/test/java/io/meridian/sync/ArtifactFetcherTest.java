package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import io.meridian.shared.artifact.DocumentSignature;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is a refusal and what is only a replica that cannot be read now. */
class ArtifactFetcherTest {

  @TempDir Path server;

  @Test
  void aReplicaReadErrorIsUnavailableNotAnUnknownKey() throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(server);
    Artifacts artifacts = new Artifacts(store);
    FakeReplica replica = new FakeReplica(artifacts.publicKey);
    ArtifactFetcher fetcher = new ArtifactFetcher(store, replica);
    String sha = artifacts.upload(Artifacts.published("a", 1));

    replica.keysFail = true;
    ReplicaUnavailableException e =
        assertThrows(ReplicaUnavailableException.class, () -> fetcher.artifact(sha));
    assertEquals(java.sql.SQLException.class, e.getCause().getClass());

    replica.keysFail = false;
    assertArrayEquals(store.get(ArtifactPaths.artifact(sha)).orElseThrow(), fetcher.artifact(sha));
  }

  @Test
  void aKeyTheReplicaDoesNotHaveIsAnUnknownKey() throws Exception {
    DirectoryArtifactStore store = new DirectoryArtifactStore(server);
    Artifacts artifacts = new Artifacts(store);
    ArtifactFetcher fetcher = new ArtifactFetcher(store, new FakeReplica(artifacts.publicKey));
    String sha = artifacts.upload(Artifacts.published("a", 1));
    byte[] bytes = store.get(ArtifactPaths.artifact(sha)).orElseThrow();
    store.put(
        ArtifactPaths.signatureOf(ArtifactPaths.artifact(sha)),
        DocumentSignature.sign(bytes, "k2", Artifacts.ed25519().getPrivate()).toBytes());
    assertEquals(
        "unknown_key", assertThrows(ArtifactException.class, () -> fetcher.artifact(sha)).code());
  }
}
