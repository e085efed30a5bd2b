package io.meridian.infrastructure.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void roundTripsAndNeverRepeatsCiphertext() {
    KeyEncryption e = new KeyEncryption(SECRET);
    String a = e.encrypt("private");
    assertEquals("private", e.decrypt(a));
    assertNotEquals(a, e.encrypt("private"));
  }

  @Test
  void anotherSecretCannotDecrypt() {
    String sealed = new KeyEncryption(SECRET).encrypt("private");
    assertThrows(
        IllegalStateException.class,
        () -> new KeyEncryption(SECRET.replace('0', 'x')).decrypt(sealed));
  }

  @Test
  void refusesShortSecrets() {
    assertThrows(IllegalArgumentException.class, () -> new KeyEncryption("short"));
  }
}
