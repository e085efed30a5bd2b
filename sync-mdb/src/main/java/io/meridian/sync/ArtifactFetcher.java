package io.meridian.sync;

import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads artifacts and manifests from the artifact server and trusts nothing it has not checked: the
 * content must hash to its name and carry a valid signature by a key the replica knows. A replica
 * that cannot be read is a {@link ReplicaUnavailableException} (try again later), not a refusal:
 * only a key the replica positively does not have is {@code unknown_key}.
 */
public final class ArtifactFetcher {

  private final ArtifactStore store;
  private final Replica replica;

  public ArtifactFetcher(ArtifactStore store, Replica replica) {
    this.store = store;
    this.replica = replica;
  }

  /**
   * The artifact's bytes, checked against their hash and signature (not yet parsed). The artifact
   * and its signature are read at the same time: over a WAN, one round trip instead of two.
   */
  public byte[] artifact(String sha256) throws IOException {
    String path = ArtifactPaths.artifact(sha256);
    Signed file = signed(path);
    byte[] bytes =
        file.bytes().orElseThrow(() -> new ArtifactException("missing", "No artifact " + sha256));
    if (!Digests.sha256(bytes).equals(sha256)) {
      throw new ArtifactException(
          "hash_mismatch", "Artifact " + sha256 + " does not match its hash");
    }
    verifySignature(path, bytes, file.signature());
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
    Signed file = signed(path);
    byte[] bytes =
        file.bytes().orElseThrow(() -> new ArtifactException("missing", "No manifest " + revision));
    verifySignature(path, bytes, file.signature());
    Manifest manifest = Manifest.fromBytes(bytes);
    if (manifest.revision() != revision) {
      throw new ArtifactException("malformed", "Manifest " + revision + " says it is another one");
    }
    return Optional.of(manifest);
  }

  /** A file and its signature, as the store has them (either may be missing). */
  private record Signed(Optional<byte[]> bytes, Optional<byte[]> signature) {}

  private Signed signed(String path) throws IOException {
    List<Optional<byte[]>> files = store.getAll(List.of(path, ArtifactPaths.signatureOf(path)));
    return new Signed(files.get(0), files.get(1));
  }

  private void verifySignature(String path, byte[] bytes, Optional<byte[]> signatureFile)
      throws IOException {
    byte[] sig =
        signatureFile.orElseThrow(
            () -> new ArtifactException("unsigned", path + " has no signature"));
    DocumentSignature signature = DocumentSignature.fromBytes(sig);
    // Read before verifying: the check itself cannot tell "no such key" from "cannot read keys".
    String key = signingKey(signature.kid());
    signature.verify(bytes, kid -> key);
  }

  /** The key's base64 X.509 form, or null when the replica has no such key. */
  private String signingKey(String kid) throws IOException {
    try {
      return replica.artifactKey(kid).orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading signing key " + kid);
    } catch (Exception e) {
      throw new ReplicaUnavailableException(
          "Cannot read signing key " + kid + " from the replica: " + e.getMessage(), e);
    }
  }
}
