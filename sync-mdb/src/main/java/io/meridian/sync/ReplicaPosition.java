package io.meridian.sync;

/**
 * Where the DC's database stands in the master's WAL, as last read.
 *
 * @param standby whether it is a hot standby (false: the master's primary itself)
 * @param replayLsn {@code pg_last_wal_replay_lsn()} on a standby; empty on a primary or when
 *     unknown
 * @param lagSeconds now minus {@code pg_last_xact_replay_timestamp()} on a standby, 0 on a primary,
 *     -1 when unknown (nothing replayed since the standby started, or the database unreadable)
 */
public record ReplicaPosition(boolean standby, String replayLsn, double lagSeconds) {

  /** What is reported when the database cannot be read. */
  public static final ReplicaPosition UNKNOWN = new ReplicaPosition(false, "", -1);

  /** A primary: nothing to replay, no lag. */
  public static final ReplicaPosition PRIMARY = new ReplicaPosition(false, "", 0);
}
