package io.meridian.gateway.routing;

import java.util.Set;

/** An operation of a route, compiled for matching. */
public record RouteOperation(
    String method, UriTemplate template, boolean authRequired, Set<String> scopes, String tier) {

  public RouteOperation {
    scopes = Set.copyOf(scopes);
  }
}
