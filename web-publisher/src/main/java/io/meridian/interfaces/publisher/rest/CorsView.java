package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.api.CorsPolicy;
import java.util.List;

/**
 * An API's cross-origin rules in publisher requests and responses. In a request every member but
 * {@code allowOrigins} may be left out: no methods means those of the API's operations, no headers
 * means none beyond the CORS-safelisted ones, credentials default to false and the preflight cache
 * to 600 seconds.
 */
public record CorsView(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    Boolean allowCredentials,
    Integer maxAgeSeconds) {

  static CorsView of(CorsPolicy c) {
    return new CorsView(
        c.allowOrigins(),
        c.allowMethods(),
        c.allowHeaders(),
        c.exposeHeaders(),
        c.allowCredentials(),
        c.maxAgeSeconds());
  }

  CorsPolicy toPolicy() {
    return new CorsPolicy(
        allowOrigins, allowMethods, allowHeaders, exposeHeaders, allowCredentials, maxAgeSeconds);
  }
}
