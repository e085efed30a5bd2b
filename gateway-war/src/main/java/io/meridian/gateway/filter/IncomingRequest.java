package io.meridian.gateway.filter;

/**
 * The parts of an HTTP request the filters look at, independent of the servlet API so filters are
 * tested without a container.
 *
 * @param rawPath the path below the gateway's context root, still percent-encoded
 * @param contentLength the declared body length, or -1 when unknown
 * @param headerBytes the total size of the request's header names and values
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    String authorization,
    long contentLength,
    int headerBytes) {}
