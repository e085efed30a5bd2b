package io.meridian.domain.model.subscription;

/** State of a subscription; only ACTIVE lets an application call the API. */
public enum SubscriptionState {
  ACTIVE,
  BLOCKED,
  UNSUBSCRIBED
}
