package io.meridian.gateway.runtime;

import io.meridian.sync.StateReload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Lets the sync's management operation {@code reloadState()} reload the gateway's state. */
@ApplicationScoped
public class StateReloader implements StateReload {

  @Inject ChangeFollower follower;

  @Override
  public String reload() throws Exception {
    return follower.reloadNow();
  }
}
