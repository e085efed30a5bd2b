package io.meridian.shared.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTrafficReportTest {

  @Test
  void survivesTheRoundTripThroughJson() {
    ApiTrafficReport report =
        new ApiTrafficReport(
            "dc-ro1",
            "gw-r1",
            1_700_000_000_123L,
            List.of(
                new ApiTrafficReport.Entry(
                    "api-1", Instant.parse("2026-12-02T13:05:00Z"), 120, 7, 2, 12.5),
                new ApiTrafficReport.Entry(
                    "api-2", Instant.parse("2026-12-02T13:06:00Z"), 1, 0, 0, 0.0625)));

    assertEquals(report, ApiTrafficReport.fromJson(report.toJson()));
  }

  @Test
  void writesTheMinuteAsAnInstant() {
    String json =
        new ApiTrafficReport(
                "dc",
                "n",
                1,
                List.of(
                    new ApiTrafficReport.Entry(
                        "a", Instant.parse("2026-12-02T13:05:00Z"), 1, 0, 0, 1)))
            .toJson();

    assertTrue(json.contains("\"minute\":\"2026-12-02T13:05:00Z\""), json);
  }

  @Test
  void refusesAMinuteThatDoesNotStartOnTheMinute() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApiTrafficReport.Entry("a", Instant.parse("2026-12-02T13:05:07Z"), 1, 0, 0, 1));
  }

  @Test
  void refusesSomethingElse() {
    assertThrows(
        IllegalArgumentException.class, () -> ApiTrafficReport.fromJson("{\"datacenter\":1}"));
    assertThrows(IllegalArgumentException.class, () -> ApiTrafficReport.fromJson("not json"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ApiTrafficReport.fromJson(
                "{\"datacenter\":\"d\",\"node\":\"n\",\"sentAt\":1,\"entries\":[{\"apiId\":\"a\","
                    + "\"minute\":\"2026-12-02T13:05:30Z\",\"requests\":1,\"clientErrors\":0,"
                    + "\"serverErrors\":0,\"p95Millis\":1}]}"));
  }
}
