package io.meridian.domain.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/**
 * A throttling tier, such as Gold: a number of requests allowed per window. A tier without a limit
 * ({@code requestCount} of 0) is unlimited.
 */
@Entity
@Table(name = "tiers")
public class Tier {

  public static final String UNLIMITED = "Unlimited";

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "request_count", nullable = false)
  private long requestCount;

  @Column(name = "unit_seconds", nullable = false)
  private int unitSeconds;

  @Column(name = "description", nullable = false, length = 500)
  private String description;

  protected Tier() {}

  public Tier(String name, long requestCount, int unitSeconds, String description) {
    if (requestCount < 0 || unitSeconds < 1) {
      throw new IllegalArgumentException("a tier needs a count >= 0 and a window >= 1 s");
    }
    this.name = name;
    this.requestCount = requestCount;
    this.unitSeconds = unitSeconds;
    this.description = description;
  }

  public boolean isUnlimited() {
    return requestCount == 0;
  }

  public Duration window() {
    return Duration.ofSeconds(unitSeconds);
  }

  /** Whether {@code requestsInWindow} requests, counted in the current window, are allowed. */
  public boolean allows(long requestsInWindow) {
    return isUnlimited() || requestsInWindow <= requestCount;
  }

  public String name() {
    return name;
  }

  public long requestCount() {
    return requestCount;
  }

  public int unitSeconds() {
    return unitSeconds;
  }

  public String description() {
    return description;
  }
}
