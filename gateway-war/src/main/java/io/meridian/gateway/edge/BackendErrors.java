package io.meridian.gateway.edge;

import io.meridian.gateway.filter.GatewayError;
import io.meridian.gateway.proxy.ProxyFailure;

/**
 * Maps a failed backend call to the gateway's answer: 504 for timeouts, 503 when too many requests
 * already wait for the backend, 502 otherwise, 413.
 */
final class BackendErrors {

  private BackendErrors() {}

  static GatewayError of(ProxyFailure failure) {
    return switch (failure) {
      case CONNECT_TIMEOUT, RESPONSE_TIMEOUT ->
          GatewayError.of(504, "backend_timeout", "The backend did not answer in time");
      case BACKEND_BUSY ->
          GatewayError.of(
                  503,
                  "backend_busy",
                  "Too many requests are waiting for this backend; retry shortly")
              .withHeader("Retry-After", "1");
      case CONNECT_FAILED ->
          GatewayError.of(502, "backend_unavailable", "The backend cannot be reached");
      case TLS_FAILED ->
          GatewayError.of(
              502, "backend_tls_failed", "The backend's TLS certificate is not trusted");
      case BODY_TOO_LARGE ->
          GatewayError.of(413, "body_too_large", "The request body exceeds the gateway's limit");
      case CONNECTION_FAILED, CLIENT_GONE ->
          GatewayError.of(502, "backend_error", "The backend connection failed");
    };
  }
}
