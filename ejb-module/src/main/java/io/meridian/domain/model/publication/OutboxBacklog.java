package io.meridian.domain.model.publication;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What the publication outbox still owes the datacenters: entries not yet announced (published or
 * not), and when the oldest of them was requested.
 *
 * @param pending entries written by a lifecycle change and not yet announced
 * @param oldestRequestedAt when the oldest of them was requested; null when none is pending
 */
public record OutboxBacklog(long pending, OffsetDateTime oldestRequestedAt) {

  public static final OutboxBacklog EMPTY = new OutboxBacklog(0, null);

  /** How long the oldest pending entry has waited, in whole seconds; 0 when none is pending. */
  public long oldestPendingSeconds(OffsetDateTime now) {
    if (pending == 0 || oldestRequestedAt == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldestRequestedAt, now).toSeconds());
  }
}
