package io.meridian.gateway.filter;

/**
 * The parts of an HTTP request the filters look at, independent of any server API so that filters
 * are tested without one.
 *
 * @param rawPath the path, still percent-encoded
 * @param contentLength the declared body length, or -1 when unknown
 * @param headerBytes the total size of the request's header names and values
 * @param origin the {@code Origin} header, or null
 * @param accessControlRequestMethod a preflight's {@code Access-Control-Request-Method}, or null
 * @param accessControlRequestHeaders a preflight's {@code Access-Control-Request-Headers}, or null
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    String authorization,
    long contentLength,
    int headerBytes,
    String origin,
    String accessControlRequestMethod,
    String accessControlRequestHeaders) {

  /** A request without CORS headers. */
  public IncomingRequest(
      String method,
      String rawPath,
      String rawQuery,
      String authorization,
      long contentLength,
      int headerBytes) {
    this(method, rawPath, rawQuery, authorization, contentLength, headerBytes, null, null, null);
  }

  /** A CORS preflight: an OPTIONS request from a browser asking whether it may send another. */
  public boolean isPreflight() {
    return "OPTIONS".equals(method) && origin != null && accessControlRequestMethod != null;
  }
}
