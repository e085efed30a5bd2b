package io.meridian.gateway.edge;

import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes. */
final class Await {

  private Await() {}

  static void until(BooleanSupplier condition, long millis, String what)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Timed out after " + millis + " ms waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
