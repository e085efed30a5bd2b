package io.meridian.systemtest;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling with a deadline, for effects that arrive asynchronously (never a blind sleep). */
final class Await {

  private static final long POLL_MILLIS = 25;

  private Await() {}

  /** Polls until the condition holds; returns how long it took, in milliseconds. */
  static long until(BooleanSupplier condition, long timeoutMillis, Supplier<String> lastSeen) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "condition not met within " + timeoutMillis + " ms; last: " + lastSeen.get());
  }

  /** Repeats a call until its response satisfies the condition; returns how long it took. */
  static long response(
      Supplier<HttpResponse<String>> call,
      Predicate<HttpResponse<String>> done,
      long timeoutMillis) {
    Object[] last = new Object[1];
    return until(
        () -> {
          HttpResponse<String> r = call.get();
          last[0] = r.statusCode() + " " + r.body();
          return done.test(r);
        },
        timeoutMillis,
        () -> String.valueOf(last[0]));
  }
}
