package io.meridian.gateway.filter;

import java.util.Map;

/** An answer the gateway gives itself, without a body and without calling the backend. */
public record LocalResponse(int status, Map<String, String> headers) {

  public LocalResponse {
    headers = Map.copyOf(headers);
  }
}
