package io.meridian.shared.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Files in a directory; each write goes to a temporary file first and is moved into place. */
public final class DirectoryArtifactStore implements ArtifactStore {

  private final Path root;

  public DirectoryArtifactStore(Path root) {
    this.root = root;
  }

  @Override
  public void put(String path, byte[] bytes) throws IOException {
    writeAtomically(resolve(path), bytes);
  }

  /** Writes a temporary file beside {@code target} and moves it into place: all or nothing. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public Optional<byte[]> get(String path) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(resolve(path)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public String location() {
    return root.toString();
  }

  private Path resolve(String path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root.normalize())) {
      throw new IllegalArgumentException("Path escapes the artifact directory: " + path);
    }
    return p;
  }
}
