package io.meridian.gateway.routing;

/**
 * The outcome of routing a request: a route and operation with the path to send to the backend, or
 * why nothing matched.
 */
public sealed interface RouteMatch {

  /** The API the request is for, or null when there is none at its context and version. */
  Route route();

  /** A matched operation; {@code backendPath} is the raw path below context and version. */
  record Found(Route route, RouteOperation operation, String backendPath) implements RouteMatch {}

  /** No API at this context and version. */
  record NoApi() implements RouteMatch {
    @Override
    public Route route() {
      return null;
    }
  }

  /** The API exists but no operation's template matches the path. */
  record NoResource(Route route) implements RouteMatch {}

  /** A template matches, but not for this method; {@code allowed} lists the methods that do. */
  record MethodNotAllowed(Route route, String allowed) implements RouteMatch {}
}
