package io.meridian.application.internal;

import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.domain.model.publication.Publication;
import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.publication.ArtifactSigner;
import io.meridian.shared.api.ApiDefinitionJson;
import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactState;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.Manifest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The steps of publishing outbox entries, each in its own transaction: publish (the artifact),
 * announce, list in a manifest. Publishing uploads the artifact before its transaction commits: a
 * crash before the commit leaves the entry pending, and the retry writes the same bytes again
 * (content-addressed). The manifest comes after the announcement, off the path to a gateway's first
 * 200 (a gateway acts on announcements; manifests are for reconciling and for restarts), and covers
 * every entry published up to then: numbered by the newest, built from the deployed rows, which
 * only the worker writes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PublicationSteps {

  @Inject PublicationRepository publications;
  @Inject ApiRepository apis;
  @Inject ArtifactSigner signer;
  @Inject ArtifactStore store;
  @Inject TimeSource time;

  public PublicationSteps() {}

  /** Wires the steps by hand (tests; the container injects the fields). */
  public PublicationSteps(
      PublicationRepository publications,
      ApiRepository apis,
      ArtifactSigner signer,
      ArtifactStore store,
      TimeSource time) {
    this.publications = publications;
    this.apis = apis;
    this.signer = signer;
    this.store = store;
    this.time = time;
  }

  /** Publishes the entry (if not done yet); returns whether it is now published. */
  public boolean publish(long id) throws IOException {
    Optional<Publication> found = publications.lock(id);
    if (found.isEmpty() || found.get().isPublished()) {
      return found.isPresent();
    }
    Publication p = found.get();
    OffsetDateTime now = time.now();
    Optional<ApiRevision> revision = apis.revision(p.apiId(), p.revision());
    if (revision.isEmpty()) {
      publications.removeDeployed(p.apiId());
      p.skipped("Revision " + p.revision() + " no longer exists", now);
      return true;
    }
    ApiArtifact artifact =
        new ApiArtifact(
            p.apiId(),
            p.revision(),
            artifactState(p.state()),
            ApiDefinitionJson.read(revision.get().definition()));
    byte[] bytes = artifact.toBytes();
    String sha = Digests.sha256(bytes);
    putSigned(ArtifactPaths.artifact(sha), bytes);
    if (artifact.routed()) {
      DeployedArtifact d =
          publications.deployed(p.apiId()).orElseGet(() -> new DeployedArtifact(p.apiId()));
      d.update(p.revision(), p.state(), sha, id, now);
      publications.saveDeployed(d);
    } else {
      publications.removeDeployed(p.apiId());
    }
    p.published(sha, now);
    return true;
  }

  /**
   * Writes the manifest of everything published, numbered by the newest entry it covers, and points
   * the latest-manifest file at it, unless one covers them all already; returns whether it wrote
   * one. A crash before the commit writes the same manifest again.
   */
  public boolean writeManifest() throws IOException {
    Optional<Long> newest = publications.newestUnlisted();
    if (newest.isEmpty()) {
      return false;
    }
    long revision = newest.get();
    Manifest manifest =
        new Manifest(
            revision, publications.allDeployed().stream().map(DeployedArtifact::toEntry).toList());
    putSigned(ArtifactPaths.manifest(revision), manifest.toBytes());
    store.put(
        ArtifactPaths.LATEST_MANIFEST, Long.toString(revision).getBytes(StandardCharsets.US_ASCII));
    publications.listedUpTo(revision, time.now());
    return true;
  }

  private void putSigned(String path, byte[] bytes) throws IOException {
    store.put(path, bytes);
    store.put(ArtifactPaths.signatureOf(path), signer.sign(bytes).toBytes());
  }

  /** The announcement of a published entry, with the master's WAL position now (after commit). */
  public Optional<Announcement> announcement(long id) {
    return publications
        .lock(id)
        .filter(p -> p.isPublished() && !p.isAnnounced())
        .map(
            p ->
                new Announcement(
                    p.apiId(),
                    p.revision(),
                    artifactState(p.state()),
                    p.artifactSha256(),
                    id,
                    publications.currentWalPosition(),
                    p.publishedAt().toString()));
  }

  /**
   * The state gateways see for the API state an outbox entry recorded (the name of an {@link
   * ApiState}): the master's lifecycle meets the artifact format here.
   */
  static ArtifactState artifactState(String apiState) {
    return switch (ApiState.valueOf(apiState)) {
      case PUBLISHED -> ArtifactState.PUBLISHED;
      case DEPRECATED -> ArtifactState.DEPRECATED;
      case BLOCKED -> ArtifactState.BLOCKED;
      case RETIRED -> ArtifactState.RETIRED;
      case CREATED ->
          throw new IllegalStateException("An API that was never published has no artifact");
    };
  }

  public void announced(long id, String lsn) {
    publications.lock(id).ifPresent(p -> p.announced(lsn, time.now()));
  }

  public void failed(long id, String error) {
    publications.lock(id).ifPresent(p -> p.failed(error));
  }
}
