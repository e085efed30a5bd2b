package io.meridian.infrastructure.management;

import io.meridian.application.internal.BootstrapState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the control plane's bootstrap has run (the {@link BootstrapCheck} answer). A class
 * of its own: Payara files a check under one of {@code @Liveness}, {@code @Readiness},
 * {@code @Startup} only, even when it carries several.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

  @Inject BootstrapState bootstrap;

  @Override
  public HealthCheckResponse call() {
    return BootstrapCheck.response(bootstrap);
  }
}
