package io.meridian.domain.model.application;

import io.meridian.domain.model.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random credentials and their stored form. Consumer secrets carry 256 random bits, so a single
 * SHA-256 is enough to store them: slow password hashes exist to protect low-entropy secrets, and
 * would only slow down every token request here.
 */
public final class ClientSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientSecret() {}

  /** A new random value of 32 bytes, URL-safe base64 without padding. */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    return Sha256.hex(secret);
  }

  /** Compares in constant time, so response times do not reveal how much of a secret matched. */
  public static boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
