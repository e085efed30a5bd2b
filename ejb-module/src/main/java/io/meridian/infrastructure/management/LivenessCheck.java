package io.meridian.infrastructure.management;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive whenever it can answer: nothing outside the JVM (database, broker, artifact server) may
 * make an orchestrator restart the master; readiness says whether it can serve.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  static final String NAME = "meridian-control-plane";

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .up()
        .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
        .build();
  }
}
