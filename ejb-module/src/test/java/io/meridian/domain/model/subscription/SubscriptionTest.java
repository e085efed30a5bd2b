package io.meridian.domain.model.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private final OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");

  private Subscription active() {
    return Subscription.create("app", "api", "Gold", now);
  }

  @Test
  void startsActive() {
    assertTrue(active().isActive());
  }

  @Test
  void blockedIsNotActiveUntilUnblocked() {
    Subscription s = active();
    s.block(now);
    assertFalse(s.isActive());
    s.unblock(now);
    assertTrue(s.isActive());
  }

  @Test
  void aDeveloperCannotResubscribeAroundABlock() {
    Subscription s = active();
    s.block(now);
    assertEquals(
        "subscription_blocked",
        assertThrows(DomainException.class, () -> s.resubscribe("Gold", now)).code());
  }

  @Test
  void resubscribingAfterUnsubscribingReactivatesAtTheNewTier() {
    Subscription s = active();
    s.unsubscribe(now);
    assertEquals(SubscriptionState.UNSUBSCRIBED, s.state());
    s.resubscribe("Bronze", now.plusSeconds(1));
    assertTrue(s.isActive());
    assertEquals("Bronze", s.tier());
    assertEquals(now.plusSeconds(1), s.updatedAt());
  }

  @Test
  void refusesDoubleSubscribeAndDoubleUnsubscribe() {
    Subscription s = active();
    assertEquals(
        "already_subscribed",
        assertThrows(DomainException.class, () -> s.resubscribe("Gold", now)).code());
    s.unsubscribe(now);
    assertEquals(
        "not_subscribed", assertThrows(DomainException.class, () -> s.unsubscribe(now)).code());
    assertThrows(DomainException.class, () -> s.block(now));
  }
}
