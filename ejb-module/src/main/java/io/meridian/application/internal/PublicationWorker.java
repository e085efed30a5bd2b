package io.meridian.application.internal;

import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.infrastructure.publication.JmsAnnouncer;
import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.log.LogFields;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the publication outbox, in order: publish (the artifact), announce, then list what was
 * published in a manifest. Runs right after each lifecycle commit and every few seconds (for
 * anything a crash or a broker outage left behind). An entry that fails stops the entries behind it
 * in its step, so announcements and manifests never skip one; what was published before it is still
 * announced and listed, and the manifest is written even while the broker is down (the gateways
 * reconcile against it).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublicationWorker {

  private static final Logger LOG = Logger.getLogger(PublicationWorker.class.getName());
  private static final int BATCH = 100;

  @Inject PublicationSteps steps;
  @Inject JmsAnnouncer announcer;
  @Inject PublicationRepository publications;

  @Resource ManagedExecutorService executor;

  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** How long each entry's upload took, until it is announced (only for the log line). */
  private final Map<Long, Long> uploadMillis = new HashMap<>();

  private boolean failing;

  public void onRequested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationRequested e) {
    if (scheduled.compareAndSet(false, true)) {
      executor.submit(this::drainNow);
    }
  }

  private void drainNow() {
    scheduled.set(false);
    drain();
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void periodic() {
    drain();
  }

  /** Publishes, announces and lists everything pending; safe to call at any time. */
  public synchronized void drain() {
    try {
      boolean published = publishPending();
      boolean announced = announcePending();
      boolean listed = listPublished();
      if (published && announced && listed) {
        if (failing) {
          LOG.info("Publication outbox drained again");
        }
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Cannot read the publication outbox", e);
      }
      failing = true;
    }
  }

  private boolean publishPending() {
    for (long id : publications.unpublished(BATCH)) {
      try {
        long start = System.nanoTime();
        steps.publish(id);
        uploadMillis.put(id, millisSince(start));
      } catch (Exception e) {
        fail(id, "publish", e);
        return false;
      }
    }
    return true;
  }

  private boolean announcePending() {
    for (long id : publications.unannounced(BATCH)) {
      try {
        long start = System.nanoTime();
        Optional<Announcement> a = steps.announcement(id);
        if (a.isPresent()) {
          long sending = System.nanoTime();
          announcer.announce(a.get());
          long sent = millisSince(sending);
          steps.announced(id, a.get().lsn());
          logAnnounced(a.get(), uploadMillis.remove(id), sent, millisSince(start));
        }
      } catch (Exception e) {
        fail(id, "announce", e);
        return false;
      }
    }
    return true;
  }

  private boolean listPublished() {
    try {
      steps.writeManifest();
      return true;
    } catch (Exception e) {
      warnOnce("write the manifest", e);
      return false;
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * One line per publication: where its time on the master went (bench/propagation.sh reads it).
   */
  private static void logAnnounced(Announcement a, Long uploadMillis, long sendMillis, long total) {
    LogFields.info(
        LOG,
        "Publication "
            + a.manifestRevision()
            + " of API "
            + a.apiId()
            + " revision "
            + a.revision()
            + " announced: uploads "
            + (uploadMillis == null ? "earlier" : uploadMillis + " ms")
            + ", broker send "
            + sendMillis
            + " ms, announcement steps "
            + total
            + " ms",
        LogFields.of(
            "api", a.apiId(), "revision", a.revision(), "publication", a.manifestRevision()));
  }

  private void fail(long id, String step, Exception e) {
    String message = warnOnce(step + " publication " + id, e);
    try {
      steps.failed(id, step + ": " + message);
    } catch (RuntimeException ignored) {
      // the database itself is failing: the next run records it
    }
  }

  /**
   * Logs the first failure of a run of failures ("Cannot WHAT (will retry): ..."), marks the outbox
   * as failing, and returns the failure in one line.
   */
  private String warnOnce(String what, Exception e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!failing) {
      LOG.warning(() -> "Cannot " + what + " (will retry): " + message);
    }
    failing = true;
    return message;
  }
}
