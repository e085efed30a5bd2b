package io.meridian.gateway.state;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link GatewayState}: the one place where the container side (change follower,
 * sync) meets the request path. Readers on the event loop never lock and never touch the container;
 * writers swap whole snapshots. The replica's freshness changes between snapshots and is held
 * beside them.
 */
public final class StateHolder {

  private final AtomicReference<GatewayState> current = new AtomicReference<>();
  private final ReplicaFreshness freshness = new ReplicaFreshness();

  /** The current state, or null before the first successful load. */
  public GatewayState state() {
    return current.get();
  }

  public void replace(GatewayState next) {
    current.set(next);
  }

  /** How stale the replica behind the state is, updated between snapshots. */
  public ReplicaFreshness freshness() {
    return freshness;
  }
}
