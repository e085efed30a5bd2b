package io.meridian.gateway.filter;

/** Refuses requests whose URI (414), headers (431) or declared body (413) are too large. */
public final class LimitsFilter implements GatewayFilter {

  private final long maxUriLength;
  private final int maxHeaderBytes;
  private final long maxBodyBytes;

  public LimitsFilter(long maxUriLength, int maxHeaderBytes, long maxBodyBytes) {
    this.maxUriLength = maxUriLength;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public String id() {
    return "limits";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    IncomingRequest r = exchange.request();
    long uri = r.rawPath().length() + (r.rawQuery() == null ? 0 : r.rawQuery().length() + 1);
    if (uri > maxUriLength) {
      return FilterResult.reject(
          GatewayError.of(
              414, "uri_too_long", "The request URI exceeds " + maxUriLength + " characters"));
    }
    if (r.headerBytes() > maxHeaderBytes) {
      return FilterResult.reject(
          GatewayError.of(
              431, "headers_too_large", "The request headers exceed " + maxHeaderBytes + " bytes"));
    }
    if (r.contentLength() > maxBodyBytes) {
      return FilterResult.reject(
          GatewayError.of(
              413, "body_too_large", "The request body exceeds " + maxBodyBytes + " bytes"));
    }
    return FilterResult.CONTINUE;
  }
}
