package io.meridian.gateway.edge;

/**
 * One API's answers in one UTC minute on this node, as far as the minute has gone.
 *
 * @param minute minutes since the epoch
 * @param p95Millis the 95th percentile latency in milliseconds (0 without requests)
 */
public record MinuteFigures(
    long minute, long requests, long clientErrors, long serverErrors, double p95Millis) {}
