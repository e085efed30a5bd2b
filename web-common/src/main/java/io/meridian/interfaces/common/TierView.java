package io.meridian.interfaces.common;

import io.meridian.domain.model.policy.ThrottlingPolicy;

/**
 * A throttling policy as both web modules show it. Members without a value ({@code burstPerSecond},
 * {@code bandwidthBytes}, {@code bandwidthUnitSeconds}) are left out; {@code unlimited} says the
 * policy limits nothing at all. A view sent back as a publisher's {@code PUT} body is accepted as
 * it is.
 */
public record TierView(
    String name,
    long requestCount,
    int unitSeconds,
    Integer burstPerSecond,
    Long bandwidthBytes,
    Integer bandwidthUnitSeconds,
    boolean globalQuota,
    boolean unlimited,
    String description) {

  public static TierView of(ThrottlingPolicy p) {
    return new TierView(
        p.name(),
        p.requestCount(),
        p.unitSeconds(),
        p.burstPerSecond().orElse(null),
        p.bandwidthBytes().orElse(null),
        p.bandwidthUnitSeconds().orElse(null),
        p.globalQuota(),
        p.isUnlimited(),
        p.description());
  }
}
