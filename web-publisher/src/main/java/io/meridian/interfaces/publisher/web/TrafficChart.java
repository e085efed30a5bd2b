package io.meridian.interfaces.publisher.web;

import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficWindow;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One datacenter's traffic of one API as an SVG chart the page draws with plain elements (no
 * script, no markup built as text): per minute a bar of requests, split into answered, 4xx and 5xx,
 * and a line of the p95 latency on its own scale. Coordinates are in a {@value #WIDTH} × {@value
 * #HEIGHT} view box.
 */
public record TrafficChart(
    String datacenter,
    long requests,
    long clientErrors,
    long serverErrors,
    long maxRequests,
    double maxP95Millis,
    List<Bar> bars,
    String p95Points,
    List<DatacenterMinute> minutes) {

  public static final int WIDTH = 600;
  public static final int HEIGHT = 150;

  /** One minute's bar: three stacked parts, bottom up: answered, 4xx, 5xx. */
  public record Bar(
      double x,
      double width,
      double okY,
      double okHeight,
      double clientY,
      double clientHeight,
      double serverY,
      double serverHeight,
      String title) {}

  /** A chart per datacenter of {@code window}, which spans whole minutes. */
  public static List<TrafficChart> of(TrafficWindow window) {
    long slots = Math.max(1, Duration.between(window.from(), window.to()).toMinutes());
    List<TrafficChart> charts = new ArrayList<>();
    for (Map.Entry<String, List<DatacenterMinute>> dc : window.byDatacenter().entrySet()) {
      charts.add(of(dc.getKey(), dc.getValue(), window.from(), slots));
    }
    return charts;
  }

  static TrafficChart of(
      String datacenter, List<DatacenterMinute> minutes, OffsetDateTime from, long slots) {
    long max = minutes.stream().mapToLong(DatacenterMinute::requests).max().orElse(0);
    double maxP95 = minutes.stream().mapToDouble(DatacenterMinute::p95Millis).max().orElse(0);
    double slot = (double) WIDTH / slots;
    List<Bar> bars = new ArrayList<>();
    StringBuilder points = new StringBuilder();
    long requests = 0;
    long clientErrors = 0;
    long serverErrors = 0;
    for (DatacenterMinute m : minutes) {
      requests += m.requests();
      clientErrors += m.clientErrors();
      serverErrors += m.serverErrors();
      long index = Duration.between(from, m.minute()).toMinutes();
      if (index < 0 || index >= slots) {
        continue;
      }
      double x = index * slot;
      double ok = height(m.requests() - m.clientErrors() - m.serverErrors(), max);
      double client = height(m.clientErrors(), max);
      double server = height(m.serverErrors(), max);
      bars.add(
          new Bar(
              x + slot * 0.1,
              slot * 0.8,
              HEIGHT - ok,
              ok,
              HEIGHT - ok - client,
              client,
              HEIGHT - ok - client - server,
              server,
              String.format(
                  Locale.ROOT,
                  "%s: %d requests, %d 4xx, %d 5xx, p95 %.1f ms",
                  m.minute().toLocalTime(),
                  m.requests(),
                  m.clientErrors(),
                  m.serverErrors(),
                  m.p95Millis())));
      double y = maxP95 <= 0 ? HEIGHT : HEIGHT - m.p95Millis() / maxP95 * HEIGHT;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2, y));
    }
    return new TrafficChart(
        datacenter,
        requests,
        clientErrors,
        serverErrors,
        max,
        maxP95,
        bars,
        points.toString().strip(),
        minutes);
  }

  private static double height(long value, long max) {
    return max == 0 ? 0 : (double) value / max * HEIGHT;
  }
}
