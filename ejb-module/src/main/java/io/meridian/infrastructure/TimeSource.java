package io.meridian.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The current time in UTC, at the microsecond precision PostgreSQL stores, so a value read back
 * equals the value written.
 */
@ApplicationScoped
public class TimeSource {

  private final Clock clock;

  public TimeSource() {
    this(Clock.systemUTC());
  }

  public TimeSource(Clock clock) {
    this.clock = clock;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }
}
