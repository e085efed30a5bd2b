package io.meridian.sync;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * When an announcement that failed for a temporary reason (artifact server or replica unreadable,
 * replica behind) is tried again: every {@link #DELAY_MILLIS} ms, at most {@link #MAX_ATTEMPTS}
 * times, and never from an interrupted thread (the node is stopping; reconciliation covers the rest
 * once it runs again).
 */
final class RetrySchedule {

  static final long DELAY_MILLIS = 1000;
  static final int MAX_ATTEMPTS = 300;

  /** Runs a task later; tests pass one that keeps the tasks for them to run. */
  interface Scheduler {
    void schedule(Runnable task, long delayMillis);
  }

  private final Scheduler scheduler;

  RetrySchedule(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** On the sync's own executor. */
  static RetrySchedule on(ScheduledExecutorService executor) {
    return new RetrySchedule(
        (task, delay) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS));
  }

  /** No retries (reconciliation alone repairs). */
  static RetrySchedule none() {
    return new RetrySchedule(null);
  }

  /**
   * Schedules attempt {@code attempt + 1} if there is one left and the thread was not interrupted;
   * returns whether it did.
   */
  boolean after(int attempt, IntConsumer nextAttempt) {
    if (scheduler == null || attempt >= MAX_ATTEMPTS || Thread.currentThread().isInterrupted()) {
      return false;
    }
    try {
      scheduler.schedule(() -> nextAttempt.accept(attempt + 1), DELAY_MILLIS);
      return true;
    } catch (RejectedExecutionException e) {
      return false; // shutting down
    }
  }
}
