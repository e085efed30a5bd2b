package io.meridian.gateway.runtime;

import io.meridian.sync.ActiveApi;
import io.meridian.sync.ApiActivation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The APIs the sync activated; each activation rebuilds the gateway's state. */
@ApplicationScoped
public class ActivatedApis implements ApiActivation {

  /** Fired after an activation. */
  public record Changed() {}

  @Inject Event<Changed> changed;

  private volatile Collection<ActiveApi> current = List.of();
  private volatile boolean activated;

  @Override
  public void activate(Map<String, ActiveApi> apis) {
    current = List.copyOf(apis.values());
    activated = true;
    changed.fire(new Changed());
  }

  /**
   * Whether the sync has said what to serve at least once: at the latest when it restored its
   * last-known-good cache at start (possibly nothing, on a new node).
   */
  public boolean activated() {
    return activated;
  }

  public Collection<ActiveApi> current() {
    return current;
  }
}
