package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.api.StalenessPolicy;

/**
 * What gateways do with the API while their replica lags more than {@code maxLagSeconds}: {@code
 * whenStale} {@code serve} (fail open) or {@code reject} (503 with Retry-After, fail closed).
 */
public record StalenessView(Integer maxLagSeconds, String whenStale) {

  static StalenessView of(StalenessPolicy s) {
    return new StalenessView(s.maxLagSeconds(), s.whenStale());
  }

  StalenessPolicy toPolicy() {
    return new StalenessPolicy(maxLagSeconds, whenStale);
  }
}
