package io.meridian.interfaces.common;

import io.meridian.domain.model.policy.Tier;

/** A throttling tier as both web modules show it. */
public record TierView(
    String name, long requestCount, int unitSeconds, boolean unlimited, String description) {

  public static TierView of(Tier t) {
    return new TierView(
        t.name(), t.requestCount(), t.unitSeconds(), t.isUnlimited(), t.description());
  }
}
