package io.meridian.gateway.runtime;

import javax.management.ConstructorParameters;

/**
 * One API's traffic on a node, as the {@link GatewayMXBean}'s {@code Apis} attribute shows it (an
 * MXBean maps this class to CompositeData; it cannot map a record).
 */
public final class ApiTrafficFigures {

  private final String apiId;
  private final String context;
  private final String version;
  private final long requests;
  private final long clientErrors;
  private final long serverErrors;
  private final long windowRequests;
  private final double p50Millis;
  private final double p95Millis;
  private final double p99Millis;

  @ConstructorParameters({
    "apiId",
    "context",
    "version",
    "requests",
    "clientErrors",
    "serverErrors",
    "windowRequests",
    "p50Millis",
    "p95Millis",
    "p99Millis"
  })
  public ApiTrafficFigures(
      String apiId,
      String context,
      String version,
      long requests,
      long clientErrors,
      long serverErrors,
      long windowRequests,
      double p50Millis,
      double p95Millis,
      double p99Millis) {
    this.apiId = apiId;
    this.context = context;
    this.version = version;
    this.requests = requests;
    this.clientErrors = clientErrors;
    this.serverErrors = serverErrors;
    this.windowRequests = windowRequests;
    this.p50Millis = p50Millis;
    this.p95Millis = p95Millis;
    this.p99Millis = p99Millis;
  }

  /** The API's id (as in the publisher API). */
  public String getApiId() {
    return apiId;
  }

  /** Its context, e.g. {@code /pizza}. */
  public String getContext() {
    return context;
  }

  /** Its version, e.g. {@code 1.0}. */
  public String getVersion() {
    return version;
  }

  /** Requests answered since the node started. */
  public long getRequests() {
    return requests;
  }

  /** 4xx answers since the node started (gateway refusals included). */
  public long getClientErrors() {
    return clientErrors;
  }

  /** 5xx answers since the node started. */
  public long getServerErrors() {
    return serverErrors;
  }

  /** Requests in the last minute: what the percentiles are computed over. */
  public long getWindowRequests() {
    return windowRequests;
  }

  /**
   * Median latency over the last minute, in milliseconds, from arrival to the end of the answer
   * (within 6.25 %; 0 when the window is empty).
   */
  public double getP50Millis() {
    return p50Millis;
  }

  /** 95th percentile latency over the last minute, in milliseconds. */
  public double getP95Millis() {
    return p95Millis;
  }

  /** 99th percentile latency over the last minute, in milliseconds. */
  public double getP99Millis() {
    return p99Millis;
  }
}
