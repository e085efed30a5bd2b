package io.meridian.application.internal;

import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.infrastructure.publication.JmsAnnouncer;
import io.meridian.shared.artifact.Announcement;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the publication outbox, in order: publish (artifact, then manifest), then announce. Runs
 * right after each lifecycle commit and every few seconds (for anything a crash or a broker outage
 * left behind). An entry that fails stops the queue behind it, so manifests never skip one.
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

  /** Publishes and announces everything pending; safe to call at any time. */
  public synchronized void drain() {
    try {
      for (long id : publications.unpublished(BATCH)) {
        try {
          steps.publish(id);
        } catch (Exception e) {
          fail(id, "publish", e);
          return;
        }
      }
      for (long id : publications.unannounced(BATCH)) {
        try {
          Optional<Announcement> a = steps.announcement(id);
          if (a.isPresent()) {
            announcer.announce(a.get());
            steps.announced(id, a.get().lsn());
          }
        } catch (Exception e) {
          fail(id, "announce", e);
          return;
        }
      }
      if (failing) {
        LOG.info("Publication outbox drained again");
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Cannot read the publication outbox", e);
      }
      failing = true;
    }
  }

  private void fail(long id, String step, Exception e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!failing) {
      LOG.warning(() -> "Cannot " + step + " publication " + id + " (will retry): " + message);
    }
    failing = true;
    try {
      steps.failed(id, step + ": " + message);
    } catch (RuntimeException ignored) {
      // the database itself is failing: the next run records it
    }
  }
}
