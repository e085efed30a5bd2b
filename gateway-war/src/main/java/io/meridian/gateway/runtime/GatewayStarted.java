package io.meridian.gateway.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started ({@code /health/started}) once the WAR's startup work is done: the event-loop server
 * listens on the public port and the sync has restored what to serve from its last-known-good
 * cache. Whether the node is ready to take traffic is the readiness check's question.
 */
@Startup
@ApplicationScoped
public class GatewayStarted implements HealthCheck {

  static final String NAME = "meridian-gateway-startup";

  @Inject GatewayLifecycle lifecycle;
  @Inject ActivatedApis apis;

  @Override
  public HealthCheckResponse call() {
    boolean serving = lifecycle.serving();
    boolean restored = apis.activated();
    return HealthCheckResponse.named(NAME)
        .withData("serving", serving)
        .withData("routesLoaded", restored)
        .status(serving && restored)
        .build();
  }
}
