package io.meridian.domain.model.traffic;

import java.time.OffsetDateTime;
import java.util.List;

/** The gateways' traffic reports, one row per API, minute, datacenter and node. */
public interface TrafficRepository {

  /** The row of that API, minute, datacenter and node, new (and added) if there was none. */
  ApiTrafficMinute minute(String apiId, OffsetDateTime minute, String datacenter, String node);

  /**
   * An API's minutes from {@code from} (inclusive) to {@code to} (exclusive), summed over each
   * datacenter's nodes (see {@link DatacenterMinute}), ordered by datacenter, then minute.
   */
  List<DatacenterMinute> perDatacenter(String apiId, OffsetDateTime from, OffsetDateTime to);

  /** Deletes every row of a minute before {@code before}; returns how many. */
  int deleteBefore(OffsetDateTime before);
}
