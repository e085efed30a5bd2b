package io.meridian.domain.model.change;

import java.util.List;

/** The ordered log of changes that read-only datacenters follow. */
public interface ChangeLog {

  /**
   * Appends an entry in the caller's transaction. Entries become visible in sequence order: a
   * follower that has read sequence {@code n} never later sees a smaller one commit.
   */
  void append(ChangeLogEntry entry);

  /** Entries after {@code sequence}, oldest first, at most {@code limit}. */
  List<ChangeLogEntry> after(long sequence, int limit);

  long latestSequence();
}
