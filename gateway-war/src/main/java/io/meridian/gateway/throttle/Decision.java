package io.meridian.gateway.throttle;

/**
 * What the throttle decided for one request, and what its answer tells the client about the
 * strictest limit that applies: the limit, what is left of it, and in how many seconds more becomes
 * available ({@code RateLimit-*} headers; {@code Retry-After} when refused).
 *
 * @param refusedAt the level whose limit refused the request, or null when admitted
 */
public record Decision(
    Level refusedAt,
    ThrottlePolicy.Measure measure,
    long limit,
    long remaining,
    long resetSeconds) {

  public boolean admitted() {
    return refusedAt == null;
  }
}
