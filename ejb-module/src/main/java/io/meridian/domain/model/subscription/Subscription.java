package io.meridian.domain.model.subscription;

import io.meridian.domain.model.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An application's subscription to an API at a tier. There is one per application and API: a
 * developer who unsubscribes and subscribes again reactivates it. A blocked subscription can only
 * be unblocked by a publisher; the developer cannot re-subscribe around a block.
 */
@Entity
@Table(name = "subscriptions")
public class Subscription {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Version
  @Column(name = "opt_lock")
  private long optLock;

  @Column(name = "application_id", nullable = false, length = 36)
  private String applicationId;

  @Column(name = "api_id", nullable = false, length = 36)
  private String apiId;

  @Column(name = "tier", nullable = false, length = 64)
  private String tier;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private SubscriptionState state;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Subscription() {}

  public static Subscription create(
      String applicationId, String apiId, String tier, OffsetDateTime now) {
    Subscription s = new Subscription();
    s.id = UUID.randomUUID().toString();
    s.applicationId = applicationId;
    s.apiId = apiId;
    s.tier = tier;
    s.state = SubscriptionState.ACTIVE;
    s.createdAt = now;
    s.updatedAt = now;
    return s;
  }

  /** Subscribes again after an unsubscribe, possibly at another tier. */
  public void resubscribe(String tier, OffsetDateTime now) {
    switch (state) {
      case ACTIVE ->
          throw DomainException.conflict(
              "already_subscribed", "The application is already subscribed to this API");
      case BLOCKED ->
          throw DomainException.conflict(
              "subscription_blocked", "This subscription was blocked by the API's publisher");
      case UNSUBSCRIBED -> {
        this.tier = tier;
        move(SubscriptionState.ACTIVE, now);
      }
    }
  }

  public void unsubscribe(OffsetDateTime now) {
    if (state == SubscriptionState.UNSUBSCRIBED) {
      throw DomainException.conflict("not_subscribed", "The subscription is already ended");
    }
    move(SubscriptionState.UNSUBSCRIBED, now);
  }

  public void block(OffsetDateTime now) {
    if (state != SubscriptionState.ACTIVE) {
      throw DomainException.conflict(
          "illegal_subscription_transition", "Only an active subscription can be blocked");
    }
    move(SubscriptionState.BLOCKED, now);
  }

  public void unblock(OffsetDateTime now) {
    if (state != SubscriptionState.BLOCKED) {
      throw DomainException.conflict(
          "illegal_subscription_transition", "Only a blocked subscription can be unblocked");
    }
    move(SubscriptionState.ACTIVE, now);
  }

  private void move(SubscriptionState next, OffsetDateTime now) {
    this.state = next;
    this.updatedAt = now;
  }

  public boolean isActive() {
    return state == SubscriptionState.ACTIVE;
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public String apiId() {
    return apiId;
  }

  public String tier() {
    return tier;
  }

  public SubscriptionState state() {
    return state;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
