package io.meridian.gateway.runtime;

import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateHolder;
import io.meridian.sync.SyncCoordinator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready ({@code /health/ready}) when the node can answer requests from what it holds: the public
 * port is served, the sync has said which APIs to serve (from the artifact server or the
 * last-known-good cache), and a state with keys and subscriptions was read from the DC's database.
 * It deliberately checks neither the broker, nor the master, nor the artifact server: a read-only
 * datacenter cut off from the master keeps serving, and must stay in its load balancer.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

  static final String NAME = "meridian-gateway-readiness";

  @Inject GatewayLifecycle lifecycle;
  @Inject StateHolder holder;
  @Inject ActivatedApis apis;
  @Inject SyncCoordinator sync;

  @Override
  public HealthCheckResponse call() {
    boolean serving = lifecycle.serving();
    boolean routes = apis.activated();
    GatewayState state = holder.state();
    HealthCheckResponseBuilder r =
        HealthCheckResponse.named(NAME)
            .withData("serving", serving)
            .withData("routesLoaded", routes)
            .withData("stateLoaded", state != null)
            .withData("manifestRevision", sync.activeManifestRevision());
    if (state != null) {
      r.withData("sequence", state.sequence()).withData("apis", state.routes().size());
    }
    return r.status(serving && routes && state != null).build();
  }
}
