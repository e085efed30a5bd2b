package io.meridian.gateway.state;

/**
 * How stale the control plane this node serves from can be: the newest master heartbeat its replica
 * has replayed (the master rewrites it every second; every commit before a beat has been replayed
 * with it). Written by the change follower at each poll, read on the event loops without a lock.
 * Before any beat has been read the lag is unknown, which counts as beyond any bound.
 */
public final class ReplicaFreshness {

  /** The lag reported while no heartbeat has been read yet. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  private volatile long newestBeatMillis = Long.MIN_VALUE;

  /** Records the master's heartbeat time (epoch milliseconds) read from the replica. */
  public void heartbeat(long beatEpochMillis) {
    if (beatEpochMillis > newestBeatMillis) {
      newestBeatMillis = beatEpochMillis;
    }
  }

  /**
   * How far behind the master the replica was, at most, at {@code nowEpochMillis}: the age of the
   * newest beat read (never negative; clocks a little apart give 0), or {@link #UNKNOWN}.
   */
  public long lagMillis(long nowEpochMillis) {
    long beat = newestBeatMillis;
    return beat == Long.MIN_VALUE ? UNKNOWN : Math.max(0, nowEpochMillis - beat);
  }
}
