package io.meridian.infrastructure.management;

import io.meridian.application.ControlPlaneFigures;
import io.meridian.infrastructure.TimeSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Gauges in MicroProfile Metrics' application registry (Prometheus text at {@code /metrics}) that
 * read the same figures as the {@link ControlPlaneMXBean}, through the same {@link ControlPlane}
 * getters.
 */
@Singleton
@Startup
public class ControlPlaneMetrics {

  static final String OUTBOX_BACKLOG = "meridian_outbox_backlog";
  static final String OLDEST_PENDING = "meridian_outbox_oldest_pending_seconds";
  static final String SIGNING_KEYS = "meridian_signing_keys";

  @Inject MetricRegistry registry;
  @Inject ControlPlaneFigures figures;
  @Inject TimeSource time;

  @PostConstruct
  void register() {
    ControlPlane controlPlane = new ControlPlane(figures, time::now);
    remove();
    registry.gauge(
        metadata(OUTBOX_BACKLOG, "Publications not yet announced to the datacenters"),
        controlPlane,
        ControlPlane::getOutboxBacklog);
    registry.gauge(
        metadata(
            OLDEST_PENDING,
            "Seconds the oldest publication not yet announced has waited; 0 when none"),
        controlPlane,
        ControlPlane::getOldestPendingSeconds);
    registry.gauge(
        metadata(SIGNING_KEYS, "Token signing keys in the key manager's JWKS"),
        controlPlane,
        c -> c.getSigningKeys().length);
  }

  private static Metadata metadata(String name, String description) {
    // No unit: MicroProfile Metrics would append it to the name Prometheus sees.
    return Metadata.builder()
        .withName(name)
        .withDescription(description)
        .withUnit(MetricUnits.NONE)
        .build();
  }

  @PreDestroy
  void remove() {
    registry.remove(OUTBOX_BACKLOG);
    registry.remove(OLDEST_PENDING);
    registry.remove(SIGNING_KEYS);
  }
}
