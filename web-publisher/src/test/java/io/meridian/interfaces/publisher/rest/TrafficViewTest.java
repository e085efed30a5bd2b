package io.meridian.interfaces.publisher.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficWindow;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The traffic resource's body as JSON-B writes it, and its query parameter. */
class TrafficViewTest {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final OffsetDateTime M0 = OffsetDateTime.parse("2026-12-02T13:05:00Z");

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  @Test
  void groupsTheMinutesByDatacenter() {
    TrafficWindow window =
        new TrafficWindow(
            "api-1",
            M0.minusMinutes(59),
            M0.plusMinutes(1),
            List.of(
                new DatacenterMinute("dc-master", M0, 2, 1, 0, 3.5),
                new DatacenterMinute("dc-ro1", M0.minusMinutes(1), 10, 0, 1, 12),
                new DatacenterMinute("dc-ro1", M0, 5, 2, 0, 8)));

    assertEquals(
        "{\"apiId\":\"api-1\",\"datacenters\":["
            + "{\"datacenter\":\"dc-master\",\"minutes\":[{\"clientErrors\":1,"
            + "\"minute\":\"2026-12-02T13:05:00Z\",\"p95Millis\":3.5,\"requests\":2,"
            + "\"serverErrors\":0}]},"
            + "{\"datacenter\":\"dc-ro1\",\"minutes\":[{\"clientErrors\":0,"
            + "\"minute\":\"2026-12-02T13:04:00Z\",\"p95Millis\":12.0,\"requests\":10,"
            + "\"serverErrors\":1},{\"clientErrors\":2,\"minute\":\"2026-12-02T13:05:00Z\","
            + "\"p95Millis\":8.0,\"requests\":5,\"serverErrors\":0}]}],"
            + "\"from\":\"2026-12-02T12:06:00Z\",\"to\":\"2026-12-02T13:06:00Z\"}",
        JSONB.toJson(TrafficView.of(window)));
  }

  @Test
  void readsTheMinutesParameter() {
    assertEquals(60, TrafficView.minutes(null));
    assertEquals(5, TrafficView.minutes("5"));
    DomainException e = assertThrows(DomainException.class, () -> TrafficView.minutes("five"));
    assertEquals("invalid_minutes", e.code());
  }
}
