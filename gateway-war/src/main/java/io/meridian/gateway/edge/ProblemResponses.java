package io.meridian.gateway.edge;

import io.meridian.gateway.filter.GatewayError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * Renders every gateway refusal in the one problem shape Meridian's APIs share, plus the request id
 * to quote when asking for help. The one place where a {@link GatewayError} becomes an answer.
 */
final class ProblemResponses {

  private static final CharSequence PROBLEM_JSON =
      HttpHeaders.createOptimized("application/problem+json");

  private ProblemResponses() {}

  /** Sets status, headers and body of {@code response} (not yet ended). */
  static Buffer prepare(HttpServerResponse response, GatewayError error, String requestId) {
    response.setStatusCode(error.status());
    error.headers().forEach(response::putHeader);
    response.putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
    return Buffer.buffer(json(error, requestId).getBytes(StandardCharsets.UTF_8));
  }

  static String json(GatewayError error, String requestId) {
    StringBuilder b = new StringBuilder(160);
    b.append("{\"type\":\"urn:meridian:problem:").append(error.code()).append("\",\"title\":");
    string(b, title(error.status()));
    b.append(",\"status\":").append(error.status()).append(",\"detail\":");
    string(b, error.message());
    b.append(",\"code\":\"").append(error.code()).append("\",\"requestId\":");
    string(b, requestId);
    return b.append('}').toString();
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error";
    };
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
