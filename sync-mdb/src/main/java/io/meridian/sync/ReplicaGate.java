package io.meridian.sync;

import java.util.concurrent.TimeUnit;

/**
 * Holds an activation back until the DC's database has what it needs: the master's WAL replayed up
 * to an announced position, or a manifest's publication visible. A read that fails is polled again
 * until the wait is over, then reported as {@link ReplicaUnavailableException}: something to retry,
 * never a verdict on the artifact. Called without any lock held.
 */
final class ReplicaGate {

  static final long POLL_MILLIS = 20;

  /** Time as the gate sees it; tests pass one that needs no real waiting. */
  interface Clock {
    long nanoTime();

    void sleep(long millis) throws InterruptedException;

    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
          }
        };
  }

  private final Replica replica;
  private final long waitNanos;
  private final long pollMillis;
  private final Clock clock;

  ReplicaGate(Replica replica, long waitMillis) {
    this(replica, waitMillis, POLL_MILLIS, Clock.SYSTEM);
  }

  ReplicaGate(Replica replica, long waitMillis, long pollMillis, Clock clock) {
    this.replica = replica;
    this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    this.pollMillis = pollMillis;
    this.clock = clock;
  }

  /**
   * Waits up to the configured time for the replica to replay {@code lsn}; returns whether it has.
   *
   * @throws ReplicaUnavailableException the replica could not be read at the end of the wait
   * @throws InterruptedException the waiting thread was interrupted (its flag is then clear, as
   *     usual: the caller restores it)
   */
  boolean awaitReplayed(String lsn) throws ReplicaUnavailableException, InterruptedException {
    long deadline = clock.nanoTime() + waitNanos;
    while (true) {
      Exception failure = null;
      try {
        if (replica.hasReplayed(lsn)) {
          return true;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failure = e;
      }
      if (clock.nanoTime() - deadline >= 0) {
        if (failure != null) {
          throw new ReplicaUnavailableException(
              "Cannot read the replica's position: " + failure.getMessage(), failure);
        }
        return false;
      }
      clock.sleep(pollMillis);
    }
  }

  /**
   * Whether the replica sees the publication of manifest {@code revision} (no waiting: the
   * reconciliation comes back anyway).
   *
   * @throws ReplicaUnavailableException the replica could not be read
   */
  boolean showsManifest(long revision) throws ReplicaUnavailableException {
    try {
      return replica.visibleManifestRevision() >= revision;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplicaUnavailableException("Interrupted while reading the replica", e);
    } catch (Exception e) {
      throw new ReplicaUnavailableException("cannot read the replica: " + e.getMessage(), e);
    }
  }
}
