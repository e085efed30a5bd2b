package io.meridian.sync;

import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Signed artifacts and manifests written to a store, as the master would (tests only). */
final class Artifacts {

  final KeyPair keys = ed25519();
  final String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  private final ArtifactStore store;

  Artifacts(ArtifactStore store) {
    this.store = store;
  }

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiArtifact artifact(String apiId, int revision, ArtifactState state, String path) {
    return new ApiArtifact(
        apiId,
        revision,
        state,
        new ApiDefinition(
            apiId,
            "Pizza",
            "/" + apiId,
            "1.0",
            false,
            "",
            List.of(),
            "PUBLIC",
            "pat",
            List.of(new OperationDefinition("GET", path, false, List.of(), "Unlimited")),
            new EndpointDefinition("http://127.0.0.1:9000", 5000),
            Map.of(),
            null,
            null));
  }

  static ApiArtifact published(String apiId, int revision) {
    return artifact(apiId, revision, ArtifactState.PUBLISHED, "/r" + revision);
  }

  static Announcement announce(long manifestRevision, ApiArtifact a, String sha) {
    return new Announcement(a.apiId(), a.revision(), a.state(), sha, manifestRevision, "0/1", "t");
  }

  /** Writes a signed artifact; returns its hash. */
  String upload(ApiArtifact a) throws IOException {
    byte[] bytes = a.toBytes();
    String sha = Digests.sha256(bytes);
    signed(ArtifactPaths.artifact(sha), bytes);
    return sha;
  }

  void signed(String path, byte[] bytes) throws IOException {
    store.put(path, bytes);
    store.put(
        ArtifactPaths.signatureOf(path),
        DocumentSignature.sign(bytes, "k1", keys.getPrivate()).toBytes());
  }

  /** Writes a signed manifest and points "latest" at it. */
  void manifest(long revision, Manifest.Entry... entries) throws IOException {
    signed(ArtifactPaths.manifest(revision), new Manifest(revision, List.of(entries)).toBytes());
    store.put(
        ArtifactPaths.LATEST_MANIFEST, Long.toString(revision).getBytes(StandardCharsets.US_ASCII));
  }

  static Manifest.Entry entry(ApiArtifact a, String sha) {
    return new Manifest.Entry(a.apiId(), a.revision(), a.state().name(), sha);
  }
}
