package io.meridian.sync;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.Manifest;
import java.io.IOException;
import java.util.Optional;

/**
 * Artifacts and manifests this node may trust, read over the network without any lock held: an
 * artifact from the last-known-good cache if the node has it, else fetched, checked, parsed (an
 * unreadable one is an {@link ArtifactException}) and only then cached. Notes whether the artifact
 * server answered.
 */
final class VerifiedArtifacts {

  private final ArtifactFetcher fetcher;
  private final LastKnownGoodCache cache;
  private final Rejections rejections;
  private final SyncFigures figures;

  VerifiedArtifacts(
      ArtifactFetcher fetcher,
      LastKnownGoodCache cache,
      Rejections rejections,
      SyncFigures figures) {
    this.fetcher = fetcher;
    this.cache = cache;
    this.rejections = rejections;
    this.figures = figures;
  }

  /**
   * The artifact named {@code sha256}, verified.
   *
   * @throws ArtifactException it cannot be trusted (a rejection)
   * @throws IOException it cannot be had now (the artifact server or the replica): try again
   */
  ApiArtifact artifact(String sha256) throws IOException {
    Optional<byte[]> cached = cache.artifact(sha256);
    if (cached.isPresent()) {
      return ApiArtifact.fromBytes(cached.get());
    }
    byte[] bytes = fetched(() -> fetcher.artifact(sha256));
    ApiArtifact artifact = ApiArtifact.fromBytes(bytes);
    cache.storeArtifact(sha256, bytes);
    rejections.accepted(sha256);
    return artifact;
  }

  /** The latest signed manifest (empty: nothing published yet); same exceptions as artifacts. */
  Optional<Manifest> latestManifest() throws IOException {
    Optional<Manifest> manifest = fetched(fetcher::latestManifest);
    rejections.accepted(Reconciler.MANIFEST);
    return manifest;
  }

  private interface Fetch<T> {
    T get() throws IOException;
  }

  private <T> T fetched(Fetch<T> fetch) throws IOException {
    try {
      T result = fetch.get();
      figures.artifactServerReached(true);
      return result;
    } catch (ArtifactException | ReplicaUnavailableException e) {
      figures.artifactServerReached(true); // reached: what it served was refused, or unverifiable
      throw e;
    } catch (IOException | RuntimeException e) {
      figures.artifactServerReached(false);
      throw e;
    }
  }
}
