package io.meridian.infrastructure.replication;

import io.meridian.infrastructure.Resources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rewrites the master's heartbeat row every interval with the master's clock. Read-only DCs
 * replicate it like any other write; a gateway compares the beat its replica has replayed with its
 * own clock to know how stale the keys, subscriptions and revocations it serves can be (clocks are
 * kept in step by NTP). A missed beat (database down) is just the next one's business.
 */
@Singleton
@Startup
public class ReplicationHeartbeat {

  private static final Logger LOG = Logger.getLogger(ReplicationHeartbeat.class.getName());

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  EntityManager em;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "meridian.replication.heartbeat-millis", defaultValue = "1000")
  long intervalMillis;

  private boolean failing;

  @PostConstruct
  void start() {
    if (intervalMillis < 100) {
      throw new IllegalArgumentException(
          "meridian.replication.heartbeat-millis must be at least 100, not " + intervalMillis);
    }
    timers.createIntervalTimer(0, intervalMillis, new TimerConfig(null, false));
  }

  @Timeout
  void beat() {
    try {
      em.createNativeQuery("UPDATE replication_heartbeat SET beat_at = clock_timestamp()")
          .executeUpdate();
      if (failing) {
        LOG.info("Replication heartbeat written again");
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warning("Cannot write the replication heartbeat: " + e.getMessage());
      }
      failing = true;
    }
  }
}
