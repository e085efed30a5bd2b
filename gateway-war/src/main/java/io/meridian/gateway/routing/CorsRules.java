package io.meridian.gateway.routing;

import io.meridian.shared.api.CorsDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An API's cross-origin rules compiled for the request path: set lookups for origins, methods and
 * headers, and the response header values rendered once.
 */
public final class CorsRules {

  private final boolean anyOrigin;
  private final boolean anyHeader;
  private final Set<String> origins;
  private final Set<String> methods;
  private final Set<String> headers;
  private final String allowMethods;
  private final String allowHeaders;
  private final String exposeHeaders;
  private final boolean allowCredentials;
  private final String maxAge;

  private CorsRules(CorsDefinition d) {
    anyOrigin = d.allowOrigins().contains("*");
    // The master allows "*" here only without credentials, where browsers read it as a wildcard.
    anyHeader = d.allowHeaders().contains("*");
    origins = Set.copyOf(d.allowOrigins());
    methods = upper(d.allowMethods());
    headers = lower(d.allowHeaders());
    allowMethods = String.join(", ", d.allowMethods());
    allowHeaders = String.join(", ", d.allowHeaders());
    exposeHeaders = d.exposeHeaders().isEmpty() ? null : String.join(", ", d.exposeHeaders());
    allowCredentials = d.allowCredentials();
    maxAge = Integer.toString(d.maxAgeSeconds());
  }

  /** The compiled rules, or null for an API without CORS. */
  public static CorsRules of(CorsDefinition d) {
    return d == null ? null : new CorsRules(d);
  }

  public boolean allowsOrigin(String origin) {
    return anyOrigin || origins.contains(origin);
  }

  public boolean allowsMethod(String method) {
    return methods.contains(method);
  }

  /** Whether every header of an {@code Access-Control-Request-Headers} value is allowed. */
  public boolean allowsHeaders(String requested) {
    if (anyHeader || requested == null || requested.isBlank()) {
      return true;
    }
    for (String h : requested.split(",")) {
      String name = h.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !headers.contains(name)) {
        return false;
      }
    }
    return true;
  }

  /** The {@code Access-Control-Allow-Origin} value for an allowed origin. */
  public String allowOriginFor(String origin) {
    return anyOrigin && !allowCredentials ? "*" : origin;
  }

  public String allowMethods() {
    return allowMethods;
  }

  public String allowHeaders() {
    return allowHeaders;
  }

  /** The {@code Access-Control-Expose-Headers} value, or null. */
  public String exposeHeaders() {
    return exposeHeaders;
  }

  public boolean allowCredentials() {
    return allowCredentials;
  }

  public String maxAge() {
    return maxAge;
  }

  private static Set<String> upper(List<String> values) {
    Set<String> out = new HashSet<>();
    values.forEach(v -> out.add(v.toUpperCase(Locale.ROOT)));
    return Set.copyOf(out);
  }

  private static Set<String> lower(List<String> values) {
    Set<String> out = new HashSet<>();
    values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return Set.copyOf(out);
  }
}
