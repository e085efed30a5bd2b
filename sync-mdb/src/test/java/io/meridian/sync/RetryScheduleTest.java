package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private final List<Runnable> scheduled = new ArrayList<>();
  private final List<Long> delays = new ArrayList<>();
  private final RetrySchedule retries =
      new RetrySchedule(
          (task, delay) -> {
            scheduled.add(task);
            delays.add(delay);
          });

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void schedulesTheNextAttemptAfterTheDelayUntilTheLastOne() {
    List<Integer> attempts = new ArrayList<>();
    assertTrue(retries.after(0, attempts::add));
    scheduled.get(0).run();
    assertEquals(List.of(1), attempts);
    assertEquals(List.of(RetrySchedule.DELAY_MILLIS), delays);
    assertFalse(retries.after(RetrySchedule.MAX_ATTEMPTS, attempts::add));
    assertEquals(1, scheduled.size());
  }

  @Test
  void anInterruptedThreadSchedulesNothing() {
    Thread.currentThread().interrupt();
    assertFalse(retries.after(0, attempt -> {}));
    assertTrue(scheduled.isEmpty());
    assertTrue(Thread.currentThread().isInterrupted());
  }

  @Test
  void noRetriesWithoutAScheduler() {
    assertFalse(RetrySchedule.none().after(0, attempt -> {}));
  }
}
