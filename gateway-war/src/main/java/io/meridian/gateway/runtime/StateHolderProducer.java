package io.meridian.gateway.runtime;

import io.meridian.gateway.state.StateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The node's one {@link StateHolder}, injected as the plain object (no client proxy), because the
 * event loops read it on every request and must not go through the container to do so.
 */
@ApplicationScoped
public class StateHolderProducer {

  private final StateHolder holder = new StateHolder();

  @Produces
  @Singleton
  StateHolder holder() {
    return holder;
  }
}
