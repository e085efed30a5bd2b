package io.meridian.interfaces.store.web;

import java.util.List;

/**
 * What the "try it" panel shows of one call: the gateway's answer (status, headers, the first
 * {@value GatewayClient#MAX_BODY} bytes of the body), or why there was none.
 */
public record TryItResult(
    String method,
    String url,
    String error,
    int status,
    List<Header> headers,
    String body,
    boolean truncated,
    long millis) {

  /** One response header. */
  public record Header(String name, String value) {}

  static TryItResult failed(String method, String url, String error) {
    return new TryItResult(method, url, error, 0, List.of(), "", false, 0);
  }

  public boolean failed() {
    return error != null;
  }
}
