package io.meridian.infrastructure.management;

import io.meridian.application.internal.BootstrapState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the control plane's bootstrap has run: schema migrated, first administrator created
 * (when configured), a token signing key in place. {@link StartedCheck} says the same at {@code
 * /health/started}.
 */
@Readiness
@ApplicationScoped
public class BootstrapCheck implements HealthCheck {

  static final String NAME = "meridian-bootstrap";

  @Inject BootstrapState bootstrap;

  @Override
  public HealthCheckResponse call() {
    return response(bootstrap);
  }

  static HealthCheckResponse response(BootstrapState bootstrap) {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    return bootstrap
        .completedAt()
        .map(at -> response.up().withData("completedAt", at.toString()))
        .orElseGet(response::down)
        .build();
  }
}
