package io.meridian.sync;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.log.LogFields;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Acts on the master's announcements: fetch and verify the artifact, wait for the replica to replay
 * the announced WAL position (so the subscriptions and keys it needs are there), activate. None of
 * it holds a lock; a refused artifact is an alarm and is not retried, anything temporary is retried
 * on the {@link RetrySchedule}.
 */
final class AnnouncementHandler {

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());

  private final ActiveSet active;
  private final VerifiedArtifacts artifacts;
  private final ReplicaGate gate;
  private final Rejections rejections;
  private final SyncFigures figures;
  private final RetrySchedule retries;
  private final String node;

  AnnouncementHandler(
      ActiveSet active,
      VerifiedArtifacts artifacts,
      ReplicaGate gate,
      Rejections rejections,
      SyncFigures figures,
      RetrySchedule retries,
      String node) {
    this.active = active;
    this.artifacts = artifacts;
    this.gate = gate;
    this.rejections = rejections;
    this.figures = figures;
    this.retries = retries;
    this.node = node;
  }

  /** Handles an announcement; returns whether it is now reflected (activated or already newer). */
  boolean onAnnouncement(Announcement a) {
    figures.announced(a);
    return attempt(a, 0, System.nanoTime());
  }

  private boolean attempt(Announcement a, int attempt, long arrived) {
    if (active.reflects(a.apiId(), a.manifestRevision())) {
      return true;
    }
    if (!a.state().routed() && !active.apis().containsKey(a.apiId())) {
      return true;
    }
    long fetching = System.nanoTime();
    ApiArtifact artifact;
    try {
      artifact = artifacts.artifact(a.sha256());
    } catch (ArtifactException e) {
      rejections.reject(a.sha256(), e);
      return false;
    } catch (ReplicaUnavailableException e) {
      return retryLater(
          a, attempt, arrived, "Cannot verify artifact " + a.sha256() + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return retryLater(
          a, attempt, arrived, "Cannot fetch artifact " + a.sha256() + ": " + e.getMessage());
    }
    if (!artifact.apiId().equals(a.apiId())) {
      rejections.reject(
          a.sha256(), new ArtifactException("mismatch", "Artifact is not for API " + a.apiId()));
      return false;
    }
    long waiting = System.nanoTime();
    try {
      if (!gate.awaitReplayed(a.lsn())) {
        return retryLater(
            a,
            attempt,
            arrived,
            "The replica has not replayed " + a.lsn() + " yet; activation waits");
      }
    } catch (ReplicaUnavailableException e) {
      return retryLater(a, attempt, arrived, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      figures.error(
          "Interrupted while waiting for the replica to replay "
              + a.lsn()
              + "; reconciliation will catch up");
      return false;
    }
    long activating = System.nanoTime();
    active.announced(a.apiId(), new ActiveApi(a.sha256(), a.manifestRevision(), artifact));
    long done = System.nanoTime();
    LogFields.info(
        LOG,
        "Publication "
            + a.manifestRevision()
            + " of API "
            + a.apiId()
            + " active "
            + millis(arrived, done)
            + " ms after its announcement arrived (artifact "
            + millis(fetching, waiting)
            + " ms, replica wait "
            + millis(waiting, activating)
            + " ms, activation "
            + millis(activating, done)
            + " ms)",
        LogFields.of("api", a.apiId(), "node", node, "publication", a.manifestRevision()));
    return true;
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  private boolean retryLater(Announcement a, int attempt, long arrived, String why) {
    figures.error(why);
    if (attempt == 0) {
      LogFields.info(LOG, why, LogFields.of("api", a.apiId(), "node", node));
    }
    retries.after(attempt, next -> attempt(a, next, arrived));
    return false;
  }
}
