package io.meridian.domain.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  private final OffsetDateTime t0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
  private final Duration ttl = Duration.ofHours(1);

  private SigningKey key(String kid, OffsetDateTime created) {
    return new SigningKey(kid, "RS256", "{}", "sealed", created);
  }

  @Test
  void theNewestActiveKeySigns() {
    SigningKey old = key("old", t0);
    SigningKey next = key("new", t0.plusMinutes(5));
    assertEquals("new", new KeyRing(List.of(old, next)).signingKey().orElseThrow().kid());
  }

  @Test
  void rotationRetiresTheOldKeyButKeepsItPublishedUntilItsTokensExpire() {
    SigningKey old = key("old", t0);
    SigningKey next = key("new", t0.plusMinutes(5));
    KeyRing ring = new KeyRing(List.of(old, next));
    ring.rotateTo(next, t0.plusMinutes(5));

    assertEquals(SigningKeyState.RETIRED, old.state());
    assertEquals("new", ring.signingKey().orElseThrow().kid());
    assertEquals(
        List.of("new", "old"),
        ring.published(t0.plusMinutes(30), ttl).stream().map(SigningKey::kid).toList());
    assertEquals(
        List.of("new"),
        ring.published(t0.plusMinutes(66), ttl).stream().map(SigningKey::kid).toList());
    assertEquals(
        List.of("old"),
        ring.expired(t0.plusMinutes(66), ttl).stream().map(SigningKey::kid).toList());
  }

  @Test
  void anEmptyRingHasNoSigningKey() {
    assertTrue(new KeyRing(List.of()).signingKey().isEmpty());
  }
}
