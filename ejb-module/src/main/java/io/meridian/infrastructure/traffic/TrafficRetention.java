package io.meridian.infrastructure.traffic;

import io.meridian.application.TrafficService;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Deletes traffic older than {@code meridian.traffic.retention-days} once an hour (a timer that
 * does not persist: a missed run is the next one's business).
 */
@Singleton
@Startup
public class TrafficRetention {

  private static final Logger LOG = Logger.getLogger(TrafficRetention.class.getName());

  @Inject TrafficService traffic;

  @Schedule(minute = "7", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the service's own transaction
  void deleteExpired() {
    try {
      int deleted = traffic.deleteExpired();
      if (deleted > 0) {
        LOG.fine(() -> "Deleted " + deleted + " expired traffic row(s)");
      }
    } catch (RuntimeException e) {
      LOG.warning("Cannot delete expired traffic (retried in an hour): " + e);
    }
  }
}
