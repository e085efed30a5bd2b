package io.meridian.gateway.filter;

import io.meridian.gateway.routing.CorsRules;
import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteMatch;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.throttle.Check;
import io.meridian.gateway.throttle.Decision;
import io.meridian.gateway.throttle.Throttle;
import io.meridian.gateway.token.VerifiedToken;
import java.util.List;

/**
 * The typed state of one request as it moves through the chain. Filters read the request's parts
 * and the gateway state, and record what they established: the route, the token, the cross-origin
 * grant that the answer must carry.
 */
public final class Exchange {

  private final IncomingRequest request;
  private final GatewayState state;
  private RouteMatch.Found match;
  private Route preflightRoute;
  private Route api;
  private VerifiedToken token;
  private CorsRules cors;
  private String corsOrigin;
  private Throttle throttle;
  private List<Check> throttleChecks;
  private Decision throttleDecision;

  public Exchange(IncomingRequest request, GatewayState state) {
    this.request = request;
    this.state = state;
  }

  public IncomingRequest request() {
    return request;
  }

  public GatewayState state() {
    return state;
  }

  /** The matched route and operation; null before routing, and for a CORS preflight. */
  public RouteMatch.Found match() {
    return match;
  }

  void match(RouteMatch.Found match) {
    this.match = match;
  }

  /**
   * The API at the request's context and version (whether or not an operation matched), or the one
   * a CORS preflight asks about; null when there is none, or before routing.
   */
  public Route route() {
    return api;
  }

  void api(Route route) {
    this.api = route;
  }

  /** The API a CORS preflight asks about; null for any other request. */
  Route preflightRoute() {
    return preflightRoute;
  }

  void preflightRoute(Route route) {
    this.preflightRoute = route;
  }

  /** The verified token, or null for an operation that needs none. */
  public VerifiedToken token() {
    return token;
  }

  void token(VerifiedToken token) {
    this.token = token;
  }

  /** The cross-origin rules that allowed this request's origin, or null (no CORS headers). */
  public CorsRules cors() {
    return cors;
  }

  /** The allowed origin the answer's CORS headers are for, or null. */
  public String corsOrigin() {
    return corsOrigin;
  }

  void grantCors(CorsRules rules, String origin) {
    this.cors = rules;
    this.corsOrigin = origin;
  }

  void throttled(Throttle throttle, List<Check> checks, Decision decision) {
    this.throttle = throttle;
    this.throttleChecks = checks;
    this.throttleDecision = decision;
  }

  /** The throttle's verdict on this request (for its RateLimit headers), or null if unthrottled. */
  public Decision throttleDecision() {
    return throttleDecision;
  }

  /** Counts the bytes of this request's exchange against its bandwidth limits, if any. */
  public void recordBytes(long bytes) {
    if (throttle != null) {
      throttle.recordBytes(throttleChecks, bytes);
    }
  }
}
