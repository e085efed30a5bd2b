package io.meridian.domain.model.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** How a node's reports of one API-minute merge: figures never roll back. */
class ApiTrafficMinuteTest {

  private static final OffsetDateTime MINUTE = OffsetDateTime.parse("2026-12-02T13:05:00Z");
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T13:05:30Z");

  private final ApiTrafficMinute row = new ApiTrafficMinute("api", MINUTE, "dc-ro1", "gw-r1");

  @Test
  void takesTheFirstReport() {
    assertTrue(row.report(10, 2, 1, 12.5, NOW));
    assertEquals(10, row.requests());
    assertEquals(2, row.clientErrors());
    assertEquals(1, row.serverErrors());
    assertEquals(12.5, row.p95Millis());
  }

  @Test
  void aLaterReportOfTheMinuteReplacesTheFigures() {
    row.report(10, 2, 1, 12.5, NOW);
    assertTrue(row.report(25, 3, 1, 40, NOW.plusSeconds(10)));
    assertEquals(25, row.requests());
    assertEquals(3, row.clientErrors());
    assertEquals(40, row.p95Millis());
  }

  @Test
  void anOlderReportDeliveredLateRollsNothingBack() {
    row.report(25, 3, 1, 40, NOW);
    assertFalse(row.report(10, 2, 1, 12.5, NOW.plusSeconds(10)));
    assertEquals(25, row.requests());
    assertEquals(3, row.clientErrors());
    assertEquals(40, row.p95Millis());
  }

  @Test
  void theSameReportDeliveredTwiceChangesNothing() {
    row.report(25, 3, 1, 40, NOW);
    assertTrue(row.report(25, 3, 1, 40, NOW.plusSeconds(10)));
    assertEquals(25, row.requests());
    assertEquals(3, row.clientErrors());
  }
}
