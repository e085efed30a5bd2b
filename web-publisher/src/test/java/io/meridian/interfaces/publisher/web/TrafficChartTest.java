package io.meridian.interfaces.publisher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficWindow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficChartTest {

  private static final OffsetDateTime FROM =
      OffsetDateTime.of(2026, 12, 2, 13, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void drawsOneStackedBarPerMinuteScaledToTheBusiestAndSumsTheWindow() {
    TrafficWindow window =
        new TrafficWindow(
            "api",
            FROM,
            FROM.plusMinutes(60),
            List.of(
                new DatacenterMinute("dc-ro1", FROM, 10, 2, 1, 4.0),
                new DatacenterMinute("dc-ro1", FROM.plusMinutes(30), 5, 0, 0, 8.0),
                new DatacenterMinute("dc-master", FROM.plusMinutes(59), 1, 1, 0, 1.0)));

    List<TrafficChart> charts = TrafficChart.of(window);

    assertEquals(List.of("dc-ro1", "dc-master"), charts.stream().map(c -> c.datacenter()).toList());
    TrafficChart ro = charts.get(0);
    assertEquals(15, ro.requests());
    assertEquals(2, ro.clientErrors());
    assertEquals(1, ro.serverErrors());
    assertEquals(10, ro.maxRequests());
    TrafficChart.Bar first = ro.bars().get(0);
    // 600 px for 60 minutes: 10 px a minute, the bar 80 % of it.
    assertEquals(1.0, first.x(), 1e-9);
    assertEquals(8.0, first.width(), 1e-9);
    // The busiest minute fills the 150 px: 7 answered, 2 4xx, 1 5xx.
    assertEquals(105.0, first.okHeight(), 1e-9);
    assertEquals(30.0, first.clientHeight(), 1e-9);
    assertEquals(15.0, first.serverHeight(), 1e-9);
    assertEquals(0.0, first.serverY(), 1e-9);
    assertEquals(301.0, ro.bars().get(1).x(), 1e-9);
    // p95 on its own scale: 8 ms at the top, 4 ms half way.
    assertEquals("5.0,75.0 305.0,0.0", ro.p95Points());
  }
}
