package io.meridian.sync;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.Manifest;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Brings what is served in line with the latest signed manifest, repairing whatever announcements
 * missed: reads the manifest, checks that the replica sees its publication, fetches what differs,
 * and hands the result to the {@link ActiveSet}, which drops it if something newer came first. No
 * lock is held while reading the artifact server or the replica.
 */
final class Reconciler {

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());

  /** What a refused manifest is counted as among the rejections. */
  static final String MANIFEST = "manifest";

  private final ActiveSet active;
  private final VerifiedArtifacts artifacts;
  private final ReplicaGate gate;
  private final Rejections rejections;
  private final SyncFigures figures;
  private final AtomicBoolean manifestUnreachable = new AtomicBoolean();

  Reconciler(
      ActiveSet active,
      VerifiedArtifacts artifacts,
      ReplicaGate gate,
      Rejections rejections,
      SyncFigures figures) {
    this.active = active;
    this.artifacts = artifacts;
    this.gate = gate;
    this.rejections = rejections;
    this.figures = figures;
  }

  void reconcile() {
    Optional<Manifest> latest;
    try {
      latest = artifacts.latestManifest();
      if (manifestUnreachable.getAndSet(false)) {
        LOG.info("Artifact server reachable again");
      }
    } catch (ArtifactException e) {
      rejections.reject(MANIFEST, e);
      return;
    } catch (ReplicaUnavailableException e) {
      figures.error("cannot verify the manifest: " + e.getMessage());
      return;
    } catch (IOException | RuntimeException e) {
      if (!manifestUnreachable.getAndSet(true)) {
        LOG.warning("Cannot read the manifest (serving what is active): " + e.getMessage());
      }
      figures.error("manifest unreachable: " + e.getMessage());
      return;
    }
    if (latest.isEmpty() || latest.get().revision() < active.reconciledManifest()) {
      return;
    }
    Manifest manifest = latest.get();
    try {
      if (!gate.showsManifest(manifest.revision())) {
        figures.error("replica behind manifest " + manifest.revision());
        return;
      }
    } catch (ReplicaUnavailableException e) {
      figures.error(e.getMessage());
      return;
    }
    Map<String, ActiveApi> current = active.apis();
    Map<String, ActiveApi> updates = new HashMap<>();
    for (Manifest.Entry entry : manifest.entries()) {
      ActiveApi served = current.get(entry.apiId());
      if (served != null
          && (served.sha256().equals(entry.sha256())
              || served.publishedAt() >= manifest.revision())) {
        continue;
      }
      try {
        ApiArtifact artifact = artifacts.artifact(entry.sha256());
        if (!artifact.apiId().equals(entry.apiId())) {
          throw new ArtifactException("mismatch", "Artifact is not for API " + entry.apiId());
        }
        updates.put(entry.apiId(), new ActiveApi(entry.sha256(), manifest.revision(), artifact));
      } catch (ArtifactException e) {
        rejections.reject(entry.sha256(), e);
      } catch (IOException | RuntimeException e) {
        figures.error("cannot fetch " + entry.sha256() + ": " + e.getMessage());
        return;
      }
    }
    Set<String> listed = new HashSet<>();
    manifest.entries().forEach(e -> listed.add(e.apiId()));
    Set<String> removals = new HashSet<>();
    current.forEach(
        (apiId, a) -> {
          if (!listed.contains(apiId) && a.publishedAt() < manifest.revision()) {
            removals.add(apiId);
          }
        });
    ActiveSet.Applied applied = active.reconciled(manifest.revision(), updates, removals);
    if (applied.changed()) {
      LOG.info(
          () ->
              "Reconciled with manifest "
                  + manifest.revision()
                  + ": "
                  + applied.updated().size()
                  + " updated, "
                  + applied.removed().size()
                  + " removed");
    }
  }
}
