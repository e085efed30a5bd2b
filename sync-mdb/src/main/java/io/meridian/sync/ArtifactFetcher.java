package io.meridian.sync;

import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads artifacts and manifests from the artifact server and trusts nothing it has not checked: the
 * content must hash to its name and carry a valid signature by a key the replica knows.
 */
public final class ArtifactFetcher {

  private final ArtifactStore store;
  private final Replica replica;

  public ArtifactFetcher(ArtifactStore store, Replica replica) {
    this.store = store;
    this.replica = replica;
  }

  /** The artifact's bytes, checked against their hash and signature (not yet parsed). */
  public byte[] artifact(String sha256) throws IOException {
    String path = ArtifactPaths.artifact(sha256);
    byte[] bytes =
        store
            .get(path)
            .orElseThrow(() -> new ArtifactException("missing", "No artifact " + sha256));
    if (!Digests.sha256(bytes).equals(sha256)) {
      throw new ArtifactException(
          "hash_mismatch", "Artifact " + sha256 + " does not match its hash");
    }
    verifySignature(path, bytes);
    return bytes;
  }

  /** The latest manifest, verified; empty when nothing was ever published. */
  public Optional<Manifest> latestManifest() throws IOException {
    Optional<byte[]> latest = store.get(ArtifactPaths.LATEST_MANIFEST);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    long revision;
    try {
      revision = Long.parseLong(new String(latest.get(), StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException e) {
      throw new ArtifactException("malformed", "The latest-manifest pointer is not a number");
    }
    String path = ArtifactPaths.manifest(revision);
    byte[] bytes =
        store
            .get(path)
            .orElseThrow(() -> new ArtifactException("missing", "No manifest " + revision));
    verifySignature(path, bytes);
    Manifest manifest = Manifest.fromBytes(bytes);
    if (manifest.revision() != revision) {
      throw new ArtifactException("malformed", "Manifest " + revision + " says it is another one");
    }
    return Optional.of(manifest);
  }

  private void verifySignature(String path, byte[] bytes) throws IOException {
    byte[] sig =
        store
            .get(ArtifactPaths.signatureOf(path))
            .orElseThrow(() -> new ArtifactException("unsigned", path + " has no signature"));
    DocumentSignature.fromBytes(sig)
        .verify(
            bytes,
            kid -> {
              try {
                return replica.artifactKey(kid).orElse(null);
              } catch (Exception e) {
                throw new ArtifactException(
                    "unknown_key", "Cannot read signing keys: " + e.getMessage(), e);
              }
            });
  }
}
