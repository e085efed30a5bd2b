package io.meridian.gateway.routing;

import io.meridian.shared.api.StalenessDefinition;

/**
 * An API's tolerance for a stale replica, as the gateway applies it: beyond {@code maxLagMillis} of
 * replica lag, {@code reject} answers 503 (fail closed), else the API keeps being served.
 */
public record StalenessRule(long maxLagMillis, boolean reject) {

  /** The rule of a definition, or null when it has none (served whatever the lag). */
  public static StalenessRule of(StalenessDefinition d) {
    return d == null
        ? null
        : new StalenessRule(
            d.maxLagSeconds() * 1000L, d.whenStale() == StalenessDefinition.WhenStale.REJECT);
  }

  /** The Retry-After of a refusal, in seconds: the API's own tolerance, from 1 to 30. */
  public long retryAfterSeconds() {
    return Math.max(1, Math.min(30, maxLagMillis / 1000));
  }
}
