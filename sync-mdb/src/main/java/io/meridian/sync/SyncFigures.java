package io.meridian.sync;

import io.meridian.shared.artifact.Announcement;
import java.time.Instant;

/**
 * What the sync's parts last saw, for operators ({@code /-/sync}, the MXBean, the metrics): plain
 * volatile fields, written as things happen and read without waiting for anything.
 */
final class SyncFigures {

  private volatile String lastAnnouncement = "";
  private volatile Instant lastAnnouncementAt;
  private volatile boolean artifactServerReachable;
  private volatile String lastError;
  private volatile boolean restoredFromCache;

  void announced(Announcement a) {
    lastAnnouncement =
        "api "
            + a.apiId()
            + " revision "
            + a.revision()
            + " "
            + a.state()
            + " manifest "
            + a.manifestRevision();
    lastAnnouncementAt = Instant.now();
  }

  /** Whether the last contact with the artifact server got an answer (a refusal counts). */
  void artifactServerReached(boolean reached) {
    artifactServerReachable = reached;
  }

  void error(String error) {
    lastError = error;
  }

  void restoredFromCache(boolean restored) {
    restoredFromCache = restored;
  }

  String lastAnnouncement() {
    return lastAnnouncement;
  }

  /** When the last announcement arrived, or null. */
  Instant lastAnnouncementAt() {
    return lastAnnouncementAt;
  }

  boolean artifactServerReachable() {
    return artifactServerReachable;
  }

  /** The last thing that went wrong, or null. */
  String lastError() {
    return lastError;
  }

  boolean restoredFromCache() {
    return restoredFromCache;
  }
}
