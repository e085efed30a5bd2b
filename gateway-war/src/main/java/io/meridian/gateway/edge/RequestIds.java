package io.meridian.gateway.edge;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: 128 random bits in UUID form, from a per-thread generator. They only correlate log
 * lines, so they need no cryptographic strength, and {@code UUID.randomUUID()} would make every
 * request queue on the JVM's single locked SecureRandom.
 */
final class RequestIds {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long hi = random.nextLong();
    long lo = random.nextLong();
    char[] out = new char[36];
    int p = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        out[p++] = '-';
      }
      long word = i < 16 ? hi : lo;
      int shift = (15 - (i % 16)) * 4;
      out[p++] = HEX[(int) ((word >>> shift) & 0xF)];
    }
    return new String(out);
  }
}
