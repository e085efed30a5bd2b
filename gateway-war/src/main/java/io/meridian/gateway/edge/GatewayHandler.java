package io.meridian.gateway.edge;

import io.meridian.gateway.filter.Exchange;
import io.meridian.gateway.filter.FilterChain;
import io.meridian.gateway.filter.FilterResult;
import io.meridian.gateway.filter.GatewayError;
import io.meridian.gateway.filter.IncomingRequest;
import io.meridian.gateway.filter.LocalResponse;
import io.meridian.gateway.proxy.BackendProxy;
import io.meridian.gateway.proxy.HopByHop;
import io.meridian.gateway.proxy.ProxyFailure;
import io.meridian.gateway.routing.CorsRules;
import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteMatch;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Decision;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's request path on one event loop: reads the current snapshot, runs the filter chain,
 * and either answers (a refusal, a CORS preflight) or hands the request to the backend proxy. Every
 * answer carries the request id; every request leaves one access-log line. Nothing here blocks: the
 * state is an in-memory snapshot, the backend call an asynchronous one on this loop.
 */
final class GatewayHandler implements Handler<HttpServerRequest> {

  private static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");
  private static final CharSequence RATE_LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
  private static final CharSequence RATE_LIMIT_REMAINING =
      HttpHeaders.createOptimized("RateLimit-Remaining");
  private static final CharSequence RATE_LIMIT_RESET =
      HttpHeaders.createOptimized("RateLimit-Reset");
  private static final CharSequence DATACENTER = HttpHeaders.createOptimized("Meridian-Datacenter");
  private static final CharSequence API_REVISION =
      HttpHeaders.createOptimized("Meridian-Api-Revision");
  private static final GatewayError NOT_READY =
      GatewayError.of(503, "not_ready", "The gateway has not loaded its configuration yet");
  private static final GatewayError BAD_REQUEST =
      GatewayError.of(400, "bad_request", "The request target is malformed");

  private final StateHolder holder;
  private final FilterChain chain;
  private final BackendProxy proxy;
  private final AccessLog accessLog;
  private final TrafficMeter meter;
  private final String servedBy;

  /**
   * @param servedBy the datacenter id every answer names, or null
   */
  GatewayHandler(
      StateHolder holder,
      FilterChain chain,
      BackendProxy proxy,
      AccessLog accessLog,
      TrafficMeter meter,
      String servedBy) {
    this.holder = holder;
    this.chain = chain;
    this.proxy = proxy;
    this.accessLog = accessLog;
    this.meter = meter;
    this.servedBy = servedBy;
  }

  @Override
  public void handle(HttpServerRequest request) {
    // Nothing of the body is read until the backend is ready to take it.
    request.pause();
    long start = System.nanoTime();
    String requestId = HopByHop.acceptableRequestId(request.getHeader(X_REQUEST_ID));
    if (requestId == null) {
      requestId = RequestIds.next();
    }
    GatewayState state = holder.state();
    if (state == null) {
      refuse(request, null, NOT_READY, requestId, start);
      return;
    }
    String path = request.path();
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      refuse(request, null, BAD_REQUEST, requestId, start);
      return;
    }
    Exchange exchange = new Exchange(incoming(request, path), state);
    FilterResult result = chain.run(exchange);
    if (result instanceof FilterResult.Reject r) {
      refuse(request, exchange, r.error(), requestId, start);
    } else if (result instanceof FilterResult.Respond r) {
      answer(request, exchange, r.response(), requestId, start);
    } else {
      forward(request, exchange, requestId, start);
    }
  }

  private void forward(HttpServerRequest request, Exchange exchange, String requestId, long start) {
    RouteMatch.Found match = exchange.match();
    String id = requestId;
    proxy
        .forward(
            request,
            match.route().endpoint(),
            match.backendPath(),
            requestId,
            response -> decorate(response, exchange, id))
        .onComplete(
            relayed -> {
              HttpServerResponse response = request.response();
              exchange.recordBytes(request.bytesRead() + response.bytesWritten());
              if (relayed.succeeded()) {
                log(exchange, request, id, response.getStatusCode(), start);
                return;
              }
              ProxyFailure failure = ProxyFailure.of(relayed.cause());
              if (failure == ProxyFailure.CLIENT_GONE || response.closed()) {
                log(exchange, request, id, 499, start);
              } else if (response.headWritten()) {
                // The answer had begun: all that is left is to cut it short.
                log(exchange, request, id, response.getStatusCode(), start);
                response.reset();
              } else {
                refuse(request, exchange, BackendErrors.of(failure), id, start);
              }
            });
  }

  private void refuse(
      HttpServerRequest request,
      Exchange exchange,
      GatewayError error,
      String requestId,
      long start) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      log(exchange, request, requestId, 499, start);
      return;
    }
    // A relay that failed before writing anything may have copied the backend's headers already.
    response.headers().clear();
    response.setChunked(false);
    Buffer body = ProblemResponses.prepare(response, error, requestId);
    decorate(response, exchange, requestId);
    finish(request, response, body);
    log(exchange, request, requestId, error.status(), start);
  }

  private void answer(
      HttpServerRequest request,
      Exchange exchange,
      LocalResponse local,
      String requestId,
      long start) {
    HttpServerResponse response = request.response();
    response.setStatusCode(local.status());
    local.headers().forEach(response::putHeader);
    response.putHeader(X_REQUEST_ID, requestId);
    identify(response.headers(), exchange);
    finish(request, response, Buffer.buffer());
    log(exchange, request, requestId, local.status(), start);
  }

  /**
   * Ends a local answer. A request body nobody will read is not drained (it may be large, or the
   * reason for the refusal): the connection closes after the answer instead.
   */
  private static void finish(HttpServerRequest request, HttpServerResponse response, Buffer body) {
    if (!request.isEnded() && hasBody(request.headers())) {
      response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      response.end(body).onComplete(done -> request.connection().close());
    } else {
      request.resume();
      response.end(body);
    }
  }

  private static boolean hasBody(MultiMap headers) {
    String length = headers.get(HttpHeaders.CONTENT_LENGTH);
    return length != null ? !length.equals("0") : headers.contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /**
   * What every answer carries besides its own headers: the request id, where it was served (when
   * configured) and, for an API with CORS rules, exactly the CORS headers the gateway grants (the
   * backend's own are dropped).
   */
  private void decorate(HttpServerResponse response, Exchange exchange, String requestId) {
    MultiMap headers = response.headers();
    headers.set(X_REQUEST_ID, requestId);
    identify(headers, exchange);
    Decision throttled = exchange == null ? null : exchange.throttleDecision();
    if (throttled != null && throttled.limit() > 0) {
      headers.set(RATE_LIMIT, Long.toString(throttled.limit()));
      headers.set(RATE_LIMIT_REMAINING, Long.toString(throttled.remaining()));
      headers.set(RATE_LIMIT_RESET, Long.toString(throttled.resetSeconds()));
    }
    if (exchange == null || exchange.match() == null || exchange.match().route().cors() == null) {
      return;
    }
    List<String> theirs = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().regionMatches(true, 0, "Access-Control-", 0, 15)) {
        theirs.add(h.getKey());
      }
    }
    theirs.forEach(headers::remove);
    CorsRules cors = exchange.cors();
    if (cors != null) {
      headers.set("Access-Control-Allow-Origin", cors.allowOriginFor(exchange.corsOrigin()));
      if (cors.allowCredentials()) {
        headers.set("Access-Control-Allow-Credentials", "true");
      }
      if (cors.exposeHeaders() != null) {
        headers.set("Access-Control-Expose-Headers", cors.exposeHeaders());
      }
    }
    headers.add(HttpHeaders.VARY, "Origin");
  }

  /** The datacenter and the API's active revision, when this gateway is set to name them. */
  private void identify(MultiMap headers, Exchange exchange) {
    if (servedBy == null) {
      return;
    }
    headers.set(DATACENTER, servedBy);
    Route api = exchange == null ? null : exchange.route();
    if (api != null) {
      headers.set(API_REVISION, Integer.toString(api.revision()));
    } else {
      headers.remove(API_REVISION);
    }
  }

  /** Where every request ends: its access-log line and its traffic figures. */
  private void log(
      Exchange exchange, HttpServerRequest request, String requestId, int status, long start) {
    meter.record(exchange == null ? null : exchange.route(), status, start);
    if (accessLog != null) {
      accessLog.log(exchange, request.method().name(), requestId, status, start);
    }
  }

  private static IncomingRequest incoming(HttpServerRequest request, String path) {
    MultiMap headers = request.headers();
    int headerBytes = 0;
    for (Map.Entry<String, String> h : headers) {
      headerBytes += h.getKey().length() + h.getValue().length() + 4;
    }
    return new IncomingRequest(
        request.method().name(),
        path,
        request.query(),
        headers.get(HttpHeaders.AUTHORIZATION),
        contentLength(headers.get(HttpHeaders.CONTENT_LENGTH)),
        headerBytes,
        headers.get(HttpHeaders.ORIGIN),
        headers.get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD),
        headers.get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
  }

  private static long contentLength(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
