package io.meridian.shared.api;

import java.util.Locale;

/**
 * What a gateway does with an API while its replica of the control plane (keys, subscriptions,
 * revocations) is older than {@code maxLagSeconds}: keep serving from what it has (fail open) or
 * refuse with 503 and {@code Retry-After} until the replica has caught up (fail closed, for APIs
 * where a revoked token or a cancelled subscription must never pass). An API without one is served
 * whatever the lag.
 */
public record StalenessDefinition(int maxLagSeconds, WhenStale whenStale) {

  public StalenessDefinition {
    if (whenStale == null) {
      throw new IllegalArgumentException("whenStale is required");
    }
  }

  /** The two answers to a stale replica. Written in lower case in definitions and the REST API. */
  public enum WhenStale {
    /** Keep serving (fail open). */
    SERVE,
    /** Answer 503 with Retry-After (fail closed). */
    REJECT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@link #wire()}, or an IllegalArgumentException naming the accepted ones. */
    public static WhenStale fromWire(String value) {
      for (WhenStale w : values()) {
        if (w.wire().equals(value)) {
          return w;
        }
      }
      throw new IllegalArgumentException("whenStale must be \"serve\" or \"reject\"");
    }
  }
}
