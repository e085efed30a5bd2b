package io.meridian.gateway.throttle;

import java.util.ArrayList;
import java.util.List;

/**
 * A throttling policy as gateways enforce it: at most {@code requestCount} requests in any window
 * of {@code windowMillis}; optionally at most {@code burstPerSecond} in any second and at most
 * {@code bandwidthBytes} bytes (request and response bodies) in any window of {@code
 * bandwidthWindowMillis}. A policy with a global quota shares its limits among all datacenters.
 *
 * @param requestCount 0 for no request limit (the Unlimited policy)
 * @param burstPerSecond 0 for none
 * @param bandwidthBytes 0 for none
 */
public record ThrottlePolicy(
    String name,
    long requestCount,
    long windowMillis,
    long burstPerSecond,
    long bandwidthBytes,
    long bandwidthWindowMillis,
    boolean globalQuota) {

  /** What a policy limits. */
  public enum Measure {
    REQUESTS,
    BURST,
    BYTES
  }

  /** One limit of a policy: at most {@code max} units of {@code measure} in any {@code window}. */
  public record Limit(Measure measure, long max, long windowMillis) {}

  public boolean unlimited() {
    return requestCount == 0 && burstPerSecond == 0 && bandwidthBytes == 0;
  }

  /** The limits this policy sets, requests first. */
  public List<Limit> limits() {
    List<Limit> out = new ArrayList<>(3);
    if (requestCount > 0) {
      out.add(new Limit(Measure.REQUESTS, requestCount, windowMillis));
    }
    if (burstPerSecond > 0) {
      out.add(new Limit(Measure.BURST, burstPerSecond, 1000));
    }
    if (bandwidthBytes > 0) {
      out.add(new Limit(Measure.BYTES, bandwidthBytes, bandwidthWindowMillis));
    }
    return List.copyOf(out);
  }
}
