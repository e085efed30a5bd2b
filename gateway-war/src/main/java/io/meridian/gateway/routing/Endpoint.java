package io.meridian.gateway.routing;

import io.meridian.shared.api.EndpointDefinition;
import java.util.List;

/**
 * Where a route sends requests in this gateway's datacenter: its backend URLs, balanced in order,
 * and how long a backend may stay silent before the gateway answers 504. Immutable.
 */
public final class Endpoint {

  private final List<Upstream> upstreams;
  private final int timeoutMillis;
  private final String key;

  public Endpoint(List<Upstream> upstreams, int timeoutMillis) {
    this.upstreams = List.copyOf(upstreams);
    if (this.upstreams.isEmpty()) {
      throw new IllegalArgumentException("an endpoint has at least one URL");
    }
    this.timeoutMillis = timeoutMillis;
    StringBuilder b = new StringBuilder();
    for (Upstream u : this.upstreams) {
      b.append(u.url()).append('\n');
    }
    this.key = b.toString();
  }

  public static Endpoint of(EndpointDefinition d) {
    return new Endpoint(d.urls().stream().map(Upstream::parse).toList(), d.timeoutMillis());
  }

  public List<Upstream> upstreams() {
    return upstreams;
  }

  public int timeoutMillis() {
    return timeoutMillis;
  }

  /** Identifies the URL set, so balancing state outlives the routes rebuilt on every change. */
  public String key() {
    return key;
  }
}
