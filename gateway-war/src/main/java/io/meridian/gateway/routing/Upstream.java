package io.meridian.gateway.routing;

import java.net.URI;

/**
 * One backend URL, parsed once when its route is built: where to connect, whether over TLS, and the
 * path every forwarded request starts with.
 *
 * @param url the URL as published, also the key of its health record
 * @param basePath the URL's raw path without a trailing slash ("" for none)
 */
public record Upstream(String url, String host, int port, boolean tls, String basePath) {

  public static Upstream parse(String url) {
    URI uri = URI.create(url);
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    if (!tls && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    return new Upstream(url, host, port, tls, path);
  }

  /** The request target for the backend: base path, the path below the API, the query. */
  public String target(String backendPath, String rawQuery) {
    StringBuilder b = new StringBuilder(basePath.length() + backendPath.length() + 16);
    b.append(basePath).append(backendPath);
    if (b.isEmpty()) {
      b.append('/');
    }
    if (rawQuery != null) {
      b.append('?').append(rawQuery);
    }
    return b.toString();
  }
}
