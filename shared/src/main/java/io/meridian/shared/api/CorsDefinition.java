package io.meridian.shared.api;

import java.util.List;

/**
 * Cross-origin resource sharing for one API, as gateways apply it: which browser origins may call
 * it, with which methods and request headers, which response headers their scripts may read,
 * whether credentials are allowed, and how long a preflight answer may be cached.
 *
 * @param allowOrigins exact origins ({@code https://app.example.com}) or {@code *} for any
 */
public record CorsDefinition(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    boolean allowCredentials,
    int maxAgeSeconds) {

  public CorsDefinition {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
