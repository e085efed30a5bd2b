package io.meridian.gateway.filter;

/**
 * Refuses a path with malformed percent-encoding ({@code /pet/%zz}, a trailing {@code %}) with 400:
 * such a path cannot be compared with a route reliably, and a backend would decode it its own way.
 */
public final class RequestSyntaxFilter implements GatewayFilter {

  @Override
  public String id() {
    return "syntax";
  }

  @Override
  public int order() {
    return 150;
  }

  @Override
  public FilterResult apply(Exchange exchange) {
    String path = exchange.request().rawPath();
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2))) {
        return FilterResult.reject(
            GatewayError.of(400, "malformed_path", "The request path has malformed %-encoding"));
      }
    }
    return FilterResult.CONTINUE;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
