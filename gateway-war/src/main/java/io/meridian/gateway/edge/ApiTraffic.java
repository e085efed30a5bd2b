package io.meridian.gateway.edge;

import io.meridian.gateway.routing.Route;

/**
 * One API's traffic on this node: totals since the node started, the latencies of the last minute
 * and the figures per UTC minute that the node ships to the master. Recorded on the event loops
 * without locks; read by the management side and the traffic shipper.
 */
public final class ApiTraffic {

  private final String apiId;
  private final String context;
  private final String version;
  private final StatusCounts counts = new StatusCounts();
  private final LatencyWindow latencies = new LatencyWindow();
  private final MinuteTraffic minutes = new MinuteTraffic();

  ApiTraffic(Route route) {
    this.apiId = route.apiId();
    this.context = route.context();
    this.version = route.version();
  }

  void record(int status, long nowNanos, long latencyNanos, long minute) {
    counts.record(status);
    latencies.record(nowNanos, latencyNanos);
    minutes.record(minute, status, latencyNanos);
  }

  public String apiId() {
    return apiId;
  }

  public String context() {
    return context;
  }

  public String version() {
    return version;
  }

  /** This API's answers since the node started. */
  public StatusCounts counts() {
    return counts;
  }

  /** The last minute's count and latency percentiles, as of {@code nowNanos}. */
  public LatencyWindow.Summary window(long nowNanos) {
    return latencies.summary(nowNanos);
  }

  /** This API's figures per UTC minute, for the last few minutes. */
  public MinuteTraffic minutes() {
    return minutes;
  }
}
