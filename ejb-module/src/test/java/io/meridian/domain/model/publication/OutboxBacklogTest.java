package io.meridian.domain.model.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T12:00:00Z");

  @Test
  void theOldestPendingEntryAgesInWholeSeconds() {
    assertEquals(
        90, new OutboxBacklog(3, NOW.minusSeconds(90).minusNanos(5)).oldestPendingSeconds(NOW));
  }

  @Test
  void nothingPendingIsZeroSeconds() {
    assertEquals(0, OutboxBacklog.EMPTY.oldestPendingSeconds(NOW));
  }

  @Test
  void aClockBehindTheRequestIsNotANegativeAge() {
    assertEquals(0, new OutboxBacklog(1, NOW.plusSeconds(5)).oldestPendingSeconds(NOW));
  }
}
