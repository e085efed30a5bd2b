package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.StalenessDefinition;
import io.meridian.shared.api.StalenessDefinition.WhenStale;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * How much lag of a gateway's replica (keys, subscriptions, revocations) an API tolerates, and what
 * its gateways do beyond it: keep serving (fail open) or answer 503 with {@code Retry-After} until
 * the replica has caught up (fail closed). An API without one is served whatever the lag.
 */
@Embeddable
public class StalenessPolicy {

  /** The lag a rule may allow, in seconds: a gateway's measure is precise to about one second. */
  public static final int MIN_LAG_SECONDS = 1;

  public static final int MAX_LAG_SECONDS = 86_400;

  @Column(name = "staleness_max_lag_seconds")
  private Integer maxLagSeconds;

  @Enumerated(EnumType.STRING)
  @Column(name = "staleness_when_stale", length = 8)
  private WhenStale whenStale;

  protected StalenessPolicy() {}

  /**
   * A validated rule.
   *
   * @param whenStale {@code serve} or {@code reject}
   */
  public StalenessPolicy(Integer maxLagSeconds, String whenStale) {
    if (maxLagSeconds == null
        || maxLagSeconds < MIN_LAG_SECONDS
        || maxLagSeconds > MAX_LAG_SECONDS) {
      throw invalid(
          "staleness.maxLagSeconds must be between " + MIN_LAG_SECONDS + " and " + MAX_LAG_SECONDS);
    }
    if (whenStale == null) {
      throw invalid("staleness.whenStale is required: \"serve\" or \"reject\"");
    }
    try {
      this.whenStale = WhenStale.fromWire(whenStale);
    } catch (IllegalArgumentException e) {
      throw invalid("staleness." + e.getMessage());
    }
    this.maxLagSeconds = maxLagSeconds;
  }

  private static DomainException invalid(String message) {
    return DomainException.invalid("invalid_staleness", message);
  }

  public int maxLagSeconds() {
    return maxLagSeconds;
  }

  /** {@code serve} or {@code reject}. */
  public String whenStale() {
    return whenStale.wire();
  }

  static StalenessPolicy of(StalenessDefinition d) {
    return new StalenessPolicy(d.maxLagSeconds(), d.whenStale().wire());
  }

  StalenessDefinition definition() {
    return new StalenessDefinition(maxLagSeconds, whenStale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StalenessPolicy s
        && Objects.equals(maxLagSeconds, s.maxLagSeconds)
        && whenStale == s.whenStale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxLagSeconds, whenStale);
  }

  @Override
  public String toString() {
    return "StalenessPolicy[" + maxLagSeconds + "s, " + whenStale.wire() + "]";
  }
}
