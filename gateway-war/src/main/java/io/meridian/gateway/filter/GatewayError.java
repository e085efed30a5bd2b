package io.meridian.gateway.filter;

import java.util.HashMap;
import java.util.Map;

/**
 * Why the gateway refused a request: HTTP status, stable code, a message for the client, and
 * headers the status calls for ({@code WWW-Authenticate}, {@code Allow}).
 */
public record GatewayError(int status, String code, String message, Map<String, String> headers) {

  public GatewayError {
    headers = Map.copyOf(headers);
  }

  public static GatewayError of(int status, String code, String message) {
    return new GatewayError(status, code, message, Map.of());
  }

  public GatewayError withHeader(String name, String value) {
    HashMap<String, String> h = new HashMap<>(headers);
    h.put(name, value);
    return new GatewayError(status, code, message, h);
  }
}
