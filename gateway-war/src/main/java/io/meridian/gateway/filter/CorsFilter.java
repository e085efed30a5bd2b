package io.meridian.gateway.filter;

import io.meridian.gateway.routing.CorsRules;
import io.meridian.gateway.routing.Route;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies an API's cross-origin rules. A preflight is answered here (204 with the allowed methods
 * and headers, or 403 without any CORS header) and never reaches authentication or the backend. Any
 * other request from an allowed origin is granted the CORS headers its answer will carry; one from
 * another origin goes on without them, so the browser keeps the answer from the calling page.
 */
public final class CorsFilter implements GatewayFilter {

  @Override
  public String id() {
    return "cors";
  }

  @Override
  public int order() {
    return 250;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    IncomingRequest r = exchange.request();
    Route preflight = exchange.preflightRoute();
    Route route = preflight != null ? preflight : exchange.match().route();
    CorsRules rules = route.cors();
    if (rules == null || r.origin() == null) {
      return FilterResult.CONTINUE;
    }
    if (!rules.allowsOrigin(r.origin())) {
      return preflight == null
          ? FilterResult.CONTINUE
          : refuse("cors_origin_not_allowed", "This API does not allow calls from " + r.origin());
    }
    if (preflight == null) {
      exchange.grantCors(rules, r.origin());
      return FilterResult.CONTINUE;
    }
    if (!rules.allowsMethod(r.accessControlRequestMethod())) {
      return refuse(
          "cors_method_not_allowed",
          "Cross-origin " + r.accessControlRequestMethod() + " is not allowed for this API");
    }
    if (!rules.allowsHeaders(r.accessControlRequestHeaders())) {
      return refuse(
          "cors_header_not_allowed", "A requested header is not allowed cross-origin for this API");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", rules.allowOriginFor(r.origin()));
    headers.put("Access-Control-Allow-Methods", rules.allowMethods());
    if (!rules.allowHeaders().isEmpty()) {
      headers.put("Access-Control-Allow-Headers", rules.allowHeaders());
    }
    if (rules.allowCredentials()) {
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    headers.put("Access-Control-Max-Age", rules.maxAge());
    headers.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    return new FilterResult.Respond(new LocalResponse(204, headers));
  }

  private static FilterResult refuse(String code, String message) {
    return FilterResult.reject(GatewayError.of(403, code, message));
  }
}
