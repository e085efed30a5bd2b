package io.meridian.sync;

import io.meridian.shared.artifact.ArtifactStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An artifact store whose reads of one path wait until the test releases them, standing for an
 * artifact server that takes its time; everything else reads through at once.
 */
final class BlockingStore implements ArtifactStore {

  private final ArtifactStore files;
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch released = new CountDownLatch(1);
  private volatile String blockedPath;

  BlockingStore(ArtifactStore files) {
    this.files = files;
  }

  /** Reads of {@code path} block from now on, until {@link #released} is counted down. */
  void block(String path) {
    blockedPath = path;
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    files.put(path, bytes);
  }

  @Override
  public Optional<byte[]> get(String path) throws IOException {
    if (path.equals(blockedPath)) {
      entered.countDown();
      try {
        if (!released.await(10, TimeUnit.SECONDS)) {
          throw new IOException("the test never released " + path);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted", e);
      }
    }
    return files.get(path);
  }

  @Override
  public String location() {
    return files.location();
  }
}
