package io.meridian.sync;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A replica the test steers: caught up or behind, failing reads, or a position read that blocks
 * until released.
 */
final class FakeReplica implements Replica {

  private final String publicKey;
  volatile boolean replayed = true;
  volatile long visibleManifest = Long.MAX_VALUE;
  volatile boolean keysFail;
  volatile boolean positionFails;

  /** The thread asking for the position is interrupted meanwhile (a node stopping). */
  volatile boolean interruptCaller;

  volatile CountDownLatch replayEntered;
  volatile CountDownLatch replayReleased;

  FakeReplica(String publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public Optional<String> artifactKey(String kid) throws SQLException {
    if (keysFail) {
      throw new SQLException("Connection refused", "08001");
    }
    return kid.equals("k1") ? Optional.of(publicKey) : Optional.empty();
  }

  @Override
  public boolean hasReplayed(String lsn) throws SQLException, InterruptedException {
    if (replayReleased != null) {
      replayEntered.countDown();
      if (!replayReleased.await(10, TimeUnit.SECONDS)) {
        throw new SQLException("not released");
      }
    }
    if (positionFails) {
      throw new SQLException("Connection refused", "08001");
    }
    if (interruptCaller) {
      Thread.currentThread().interrupt();
    }
    return replayed;
  }

  @Override
  public long visibleManifestRevision() throws SQLException {
    if (positionFails) {
      throw new SQLException("Connection refused", "08001");
    }
    return visibleManifest;
  }

  @Override
  public ReplicaPosition position() {
    return ReplicaPosition.PRIMARY;
  }
}
