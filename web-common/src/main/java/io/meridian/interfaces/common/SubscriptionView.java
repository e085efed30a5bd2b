package io.meridian.interfaces.common;

import io.meridian.domain.model.subscription.Subscription;
import java.time.OffsetDateTime;

/** A subscription as both web modules show it. */
public record SubscriptionView(
    String id,
    String applicationId,
    String apiId,
    String tier,
    String state,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static SubscriptionView of(Subscription s) {
    return new SubscriptionView(
        s.id(),
        s.applicationId(),
        s.apiId(),
        s.tier(),
        s.state().name(),
        s.createdAt(),
        s.updatedAt());
  }
}
