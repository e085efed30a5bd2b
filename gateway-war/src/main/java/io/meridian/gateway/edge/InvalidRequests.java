package io.meridian.gateway.edge;

import io.meridian.gateway.filter.GatewayError;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers what the HTTP decoder could not even parse (a request line or headers past the server's
 * buffers, broken syntax) in the same problem shape as everything else; the connection then closes.
 */
final class InvalidRequests {

  private InvalidRequests() {}

  static void answer(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    GatewayError error;
    String name = cause == null ? "" : cause.getClass().getSimpleName();
    if (name.contains("TooLongHttpLine") || name.contains("TooLongUri")) {
      error = GatewayError.of(414, "uri_too_long", "The request URI is too long");
    } else if (name.contains("TooLongHttpHeader") || cause instanceof TooLongFrameException) {
      error = GatewayError.of(431, "headers_too_large", "The request headers are too large");
    } else {
      error = GatewayError.of(400, "bad_request", "The request is not valid HTTP");
    }
    String requestId = RequestIds.next();
    request
        .response()
        .putHeader("X-Request-Id", requestId)
        .putHeader("Connection", "close")
        .end(ProblemResponses.prepare(request.response(), error, requestId));
  }
}
