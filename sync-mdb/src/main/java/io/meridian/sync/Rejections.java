package io.meridian.sync;

import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.log.LogFields;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Artifacts and manifests refused now (bad hash, signature, key or format), each counted once and
 * raised as an alarm the first time; one that verifies later is no longer counted.
 */
final class Rejections {

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());

  private final Set<String> rejected = ConcurrentHashMap.newKeySet();
  private final String node;
  private final SyncFigures figures;
  private volatile String last = "";

  Rejections(String node, SyncFigures figures) {
    this.node = node;
    this.figures = figures;
  }

  /** Refuses {@code what} (an artifact's hash, or "manifest"); the active revision stays. */
  void reject(String what, ArtifactException e) {
    String reason = "rejected " + what + " (" + e.code() + "): " + e.getMessage();
    figures.error(reason);
    last = reason;
    if (rejected.add(what)) {
      LogFields.log(
          LOG,
          Level.SEVERE,
          "ALARM: rejected "
              + what
              + " ("
              + e.code()
              + "): "
              + e.getMessage()
              + "; the active revision keeps serving",
          LogFields.of("node", node, "artifact", what, "reason", e.code()),
          null);
    }
  }

  /** {@code what} verified after all. */
  void accepted(String what) {
    rejected.remove(what);
  }

  int count() {
    return rejected.size();
  }

  /** Why the last refusal happened; empty when none did. */
  String last() {
    return last;
  }
}
