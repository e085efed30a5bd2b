package io.meridian.gateway.filter;

import io.meridian.gateway.routing.RouteMatch;
import io.meridian.gateway.runtime.GatewayState;
import io.meridian.gateway.token.VerifiedToken;

/**
 * The typed state of one request as it moves through the chain. Filters read the request's parts
 * and the gateway state, and record what they established (the route, the token).
 */
public final class Exchange {

  private final IncomingRequest request;
  private final GatewayState state;
  private RouteMatch.Found match;
  private VerifiedToken token;

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

  public RouteMatch.Found match() {
    return match;
  }

  void match(RouteMatch.Found match) {
    this.match = match;
  }

  /** The verified token, or null for an operation that needs none. */
  public VerifiedToken token() {
    return token;
  }

  void token(VerifiedToken token) {
    this.token = token;
  }
}
