package io.meridian.gateway.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live ({@code /health/live}) unless the node is wedged: every event loop of the public port must
 * run a task queued behind its current work within {@link #TIMEOUT_MILLIS}. A loop that blocks or
 * spins does not, and a restart is the remedy. Nothing else is checked: a node that cannot reach
 * its database or the master is alive, and keeps serving what it holds.
 */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

  static final String NAME = "meridian-gateway-liveness";
  static final long TIMEOUT_MILLIS = 2000;

  @Inject GatewayLifecycle lifecycle;

  @Override
  public HealthCheckResponse call() {
    long start = System.nanoTime();
    boolean answered = lifecycle.eventLoopsAnswer(TIMEOUT_MILLIS);
    return HealthCheckResponse.named(NAME)
        .withData("serving", lifecycle.serving())
        .withData("eventLoopsAnswered", answered)
        .withData("answerMillis", (System.nanoTime() - start) / 1_000_000)
        .status(answered)
        .build();
  }
}
