package io.meridian.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The replica wait, on a clock that only moves when the gate sleeps. */
class ReplicaGateTest {

  private static final long WAIT_MILLIS = 100;
  private static final long POLL_MILLIS = 20;

  /** Advances by the time slept; counts sleeps. */
  private static final class SteppedClock implements ReplicaGate.Clock {
    long now = 1_000;
    int sleeps;
    boolean interruptOnSleep;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      if (interruptOnSleep) {
        throw new InterruptedException();
      }
      sleeps++;
      now += TimeUnit.MILLISECONDS.toNanos(millis);
    }
  }

  /** Has replayed after a number of polls; fails reads while {@code failures} lasts. */
  private static final class ScriptedReplica implements Replica {
    int pollsUntilReplayed = Integer.MAX_VALUE;
    int failures;
    int polls;

    @Override
    public boolean hasReplayed(String lsn) throws SQLException {
      polls++;
      if (failures > 0) {
        failures--;
        throw new SQLException("Connection refused", "08001");
      }
      return polls >= pollsUntilReplayed;
    }

    @Override
    public Optional<String> artifactKey(String kid) {
      return Optional.empty();
    }

    @Override
    public long visibleManifestRevision() throws SQLException {
      throw new SQLException("Connection refused", "08001");
    }

    @Override
    public ReplicaPosition position() {
      return ReplicaPosition.UNKNOWN;
    }
  }

  private final SteppedClock clock = new SteppedClock();
  private final ScriptedReplica replica = new ScriptedReplica();
  private final ReplicaGate gate = new ReplicaGate(replica, WAIT_MILLIS, POLL_MILLIS, clock);

  @Test
  void passesOnceTheReplicaHasReplayedThePosition() throws Exception {
    replica.pollsUntilReplayed = 3;
    assertTrue(gate.awaitReplayed("0/3000148"));
    assertEquals(3, replica.polls);
    assertEquals(2, clock.sleeps);
  }

  @Test
  void givesUpAtTheEndOfTheWaitWhenTheReplicaStaysBehind() throws Exception {
    assertFalse(gate.awaitReplayed("0/3000148"));
    assertEquals(WAIT_MILLIS / POLL_MILLIS, clock.sleeps, "waited the whole time, no longer");
    assertEquals(WAIT_MILLIS / POLL_MILLIS + 1, replica.polls, "asked once more at the deadline");
  }

  @Test
  void aReadErrorIsPolledAgainNotTakenForAVerdict() throws Exception {
    replica.failures = 2;
    replica.pollsUntilReplayed = 3;
    assertTrue(gate.awaitReplayed("0/3000148"));
  }

  @Test
  void aReplicaUnreadableUntilTheEndIsReportedAsUnavailable() {
    replica.failures = Integer.MAX_VALUE;
    ReplicaUnavailableException e =
        assertThrows(ReplicaUnavailableException.class, () -> gate.awaitReplayed("0/1"));
    assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    assertEquals(WAIT_MILLIS / POLL_MILLIS, clock.sleeps, "kept trying for the whole wait");
    ReplicaUnavailableException m =
        assertThrows(ReplicaUnavailableException.class, () -> gate.showsManifest(3));
    assertTrue(m.getMessage().contains("cannot read the replica"), m.getMessage());
  }

  @Test
  void anInterruptEndsTheWait() {
    clock.interruptOnSleep = true;
    assertThrows(InterruptedException.class, () -> gate.awaitReplayed("0/1"));
    assertEquals(1, replica.polls);
  }
}
