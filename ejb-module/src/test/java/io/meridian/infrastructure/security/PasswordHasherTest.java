package io.meridian.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(10_000);

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = hasher.hash("correct horse");
    assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:10000:"));
    assertTrue(hasher.verify("correct horse", stored));
    assertFalse(hasher.verify("correct horsE", stored));
    assertFalse(hasher.verify(null, stored));
    assertFalse(hasher.verify("x", "garbage"));
  }

  @Test
  void saltsEveryHash() {
    assertNotEquals(hasher.hash("same"), hasher.hash("same"));
  }

  @Test
  void verifiesHashesMadeWithAnotherIterationCount() {
    String stored = new PasswordHasher(20_000).hash("pw-123456");
    assertTrue(hasher.verify("pw-123456", stored));
  }

  @Test
  void refusesWeakSettings() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
  }
}
