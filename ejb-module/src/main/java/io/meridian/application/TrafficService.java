package io.meridian.application;

import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficWindow;
import io.meridian.shared.traffic.ApiTrafficReport;
import java.time.OffsetDateTime;
import java.util.List;

/** Traffic per API and datacenter: the gateways' reports in, the publisher's charts out. */
public interface TrafficService {

  /**
   * Stores a gateway node's report: each API-minute replaces what the node reported before for it,
   * unless it counts fewer requests. Minutes of APIs the master does not know are dropped.
   */
  void record(ApiTrafficReport report);

  /** An API's traffic per datacenter and minute, {@code from} inclusive, {@code to} exclusive. */
  List<DatacenterMinute> perMinute(String apiId, OffsetDateTime from, OffsetDateTime to);

  /**
   * An API's last {@code minutes} minutes, the current one included: 400 {@code invalid_minutes}
   * outside 1 to {@link TrafficWindow#MAX_MINUTES}, 404 {@code api_not_found}.
   */
  TrafficWindow recent(String apiId, int minutes);

  /** Deletes the traffic older than the retention period; returns how many rows. */
  int deleteExpired();
}
