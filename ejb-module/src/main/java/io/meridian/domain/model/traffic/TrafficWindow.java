package io.meridian.domain.model.traffic;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API's traffic from {@code from} (inclusive) to {@code to} (exclusive), per datacenter and per
 * minute; minutes without traffic are absent.
 */
public record TrafficWindow(
    String apiId, OffsetDateTime from, OffsetDateTime to, List<DatacenterMinute> minutes) {

  /** The most minutes a window may span: a day. */
  public static final int MAX_MINUTES = 1440;

  public TrafficWindow {
    minutes = List.copyOf(minutes);
  }

  /** The minutes grouped by datacenter, in the order of {@link #minutes()}. */
  public Map<String, List<DatacenterMinute>> byDatacenter() {
    Map<String, List<DatacenterMinute>> grouped = new LinkedHashMap<>();
    for (DatacenterMinute m : minutes) {
      grouped.computeIfAbsent(m.datacenter(), dc -> new ArrayList<>()).add(m);
    }
    return grouped;
  }
}
