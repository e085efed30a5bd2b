package io.meridian.gateway.runtime;

import io.meridian.gateway.filter.GatewayError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders every gateway refusal in the one problem shape Meridian's APIs share, plus the request id
 * to quote when asking for help.
 */
public final class ErrorWriter {

  private ErrorWriter() {}

  public static void write(HttpServletResponse response, GatewayError error, String requestId)
      throws IOException {
    response.setStatus(error.status());
    error.headers().forEach(response::setHeader);
    response.setContentType("application/problem+json");
    byte[] body = json(error, requestId).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
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
