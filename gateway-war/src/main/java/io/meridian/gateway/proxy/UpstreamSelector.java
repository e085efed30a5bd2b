package io.meridian.gateway.proxy;

import io.meridian.gateway.routing.Endpoint;
import io.meridian.gateway.routing.Upstream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round robin over an endpoint's URLs, skipping those in a cool-down. When every URL is cooling
 * down, it still picks one in turn: trying a URL that may have recovered beats refusing outright.
 */
public final class UpstreamSelector {

  private final UpstreamHealth health;
  private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

  public UpstreamSelector(UpstreamHealth health) {
    this.health = health;
  }

  public UpstreamHealth health() {
    return health;
  }

  /** The URL for a new request. */
  public Upstream pick(Endpoint endpoint) {
    List<Upstream> all = endpoint.upstreams();
    if (all.size() == 1) {
      return all.get(0);
    }
    int start = Math.floorMod(counter(endpoint).getAndIncrement(), all.size());
    for (int i = 0; i < all.size(); i++) {
      Upstream u = all.get((start + i) % all.size());
      if (health.available(u.url())) {
        return u;
      }
    }
    return all.get(start);
  }

  /** Another available URL than {@code failed}, for one retry; null when there is none. */
  public Upstream another(Endpoint endpoint, Upstream failed) {
    List<Upstream> all = endpoint.upstreams();
    int at = all.indexOf(failed);
    for (int i = 1; i < all.size(); i++) {
      Upstream u = all.get((at + i) % all.size());
      if (health.available(u.url())) {
        return u;
      }
    }
    return null;
  }

  private AtomicInteger counter(Endpoint endpoint) {
    return next.computeIfAbsent(endpoint.key(), k -> new AtomicInteger());
  }
}
