package io.meridian.containertest.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Waits for an asynchronous outcome (an MDB's write, a worker's drain): asks the probe again every
 * few milliseconds until it answers or the timeout passes, then fails naming what never happened.
 */
public final class Await {

  private static final long POLL_MILLIS = 25;

  private Await() {}

  public static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> answer = probe.call();
      if (answer.isPresent()) {
        return answer.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
