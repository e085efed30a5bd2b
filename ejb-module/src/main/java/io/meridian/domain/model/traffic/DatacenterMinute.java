package io.meridian.domain.model.traffic;

import java.time.OffsetDateTime;

/**
 * One API's traffic in one datacenter in one UTC minute: the sums over the datacenter's nodes, and
 * as p95 the largest of the nodes' p95s. That is an upper bound of the datacenter's p95, not the
 * exact value (which would need the nodes' histograms): a slow node shows, and the bound is exact
 * when one node served the minute.
 */
public record DatacenterMinute(
    String datacenter,
    OffsetDateTime minute,
    long requests,
    long clientErrors,
    long serverErrors,
    double p95Millis) {}
