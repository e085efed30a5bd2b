package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficWindow;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An API's traffic per datacenter and per minute, as {@code GET /apis/{id}/traffic} shows it:
 * minutes without traffic are left out; {@code p95Millis} is the largest of the datacenter's nodes'
 * p95s that minute (an upper bound of the datacenter's p95).
 */
public record TrafficView(
    String apiId, OffsetDateTime from, OffsetDateTime to, List<DatacenterTraffic> datacenters) {

  /** The minutes shown when the request does not say. */
  static final int DEFAULT_MINUTES = 60;

  /** One datacenter's minutes, oldest first. */
  public record DatacenterTraffic(String datacenter, List<MinuteTraffic> minutes) {}

  /** What a datacenter's gateways answered in one UTC minute. */
  public record MinuteTraffic(
      OffsetDateTime minute,
      long requests,
      long clientErrors,
      long serverErrors,
      double p95Millis) {

    static MinuteTraffic of(DatacenterMinute m) {
      return new MinuteTraffic(
          m.minute(), m.requests(), m.clientErrors(), m.serverErrors(), m.p95Millis());
    }
  }

  static TrafficView of(TrafficWindow window) {
    return new TrafficView(
        window.apiId(),
        window.from(),
        window.to(),
        window.byDatacenter().entrySet().stream()
            .map(
                e ->
                    new DatacenterTraffic(
                        e.getKey(), e.getValue().stream().map(MinuteTraffic::of).toList()))
            .toList());
  }

  /**
   * The {@code minutes} query parameter: {@link #DEFAULT_MINUTES} when absent, 400 {@code
   * invalid_minutes} when not a number (its range is the service's rule).
   */
  static int minutes(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return DEFAULT_MINUTES;
    }
    try {
      return Integer.parseInt(parameter.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(
          "invalid_minutes", "minutes must be a whole number between 1 and 1440");
    }
  }
}
