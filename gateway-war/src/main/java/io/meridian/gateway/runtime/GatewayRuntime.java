package io.meridian.gateway.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the current {@link GatewayState}; readers never lock, writers swap whole snapshots. */
@ApplicationScoped
public class GatewayRuntime {

  private final AtomicReference<GatewayState> current = new AtomicReference<>();

  /** The current state, or null before the first successful load. */
  public GatewayState state() {
    return current.get();
  }

  public void replace(GatewayState next) {
    current.set(next);
  }
}
