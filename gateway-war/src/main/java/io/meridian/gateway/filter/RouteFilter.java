package io.meridian.gateway.filter;

import io.meridian.gateway.routing.RouteMatch;

/**
 * Finds the API and operation (404, 405); a blocked API answers 503. A CORS preflight to an API
 * with cross-origin rules is routed by the method it asks about and left to the CORS filter.
 */
public final class RouteFilter implements GatewayFilter {

  @Override
  public String id() {
    return "route";
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    IncomingRequest r = exchange.request();
    if (r.isPreflight()) {
      RouteMatch asked =
          exchange.state().routes().match(r.accessControlRequestMethod(), r.rawPath());
      if (asked.route() != null && asked.route().cors() != null && !asked.route().blocked()) {
        exchange.preflightRoute(asked.route());
        exchange.api(asked.route());
        return FilterResult.CONTINUE;
      }
    }
    RouteMatch m = exchange.state().routes().match(r.method(), r.rawPath());
    exchange.api(m.route());
    if (m instanceof RouteMatch.Found found) {
      if (found.route().blocked()) {
        return FilterResult.reject(
            GatewayError.of(503, "api_blocked", "This API is blocked by its publisher"));
      }
      exchange.match(found);
      return FilterResult.CONTINUE;
    }
    if (m instanceof RouteMatch.MethodNotAllowed na) {
      return FilterResult.reject(
          GatewayError.of(405, "method_not_allowed", "This resource does not support " + r.method())
              .withHeader("Allow", na.allowed()));
    }
    if (m instanceof RouteMatch.NoResource) {
      return FilterResult.reject(
          GatewayError.of(404, "resource_not_found", "The API has no resource at this path"));
    }
    return FilterResult.reject(
        GatewayError.of(404, "api_not_found", "No published API at this context and version"));
  }
}
