package io.meridian.shared.artifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The artifact server's files: a WebDAV server (nginx) or a directory (a shared mount). */
public interface ArtifactStore {

  /** Writes (or overwrites) a file. Idempotent: putting the same bytes twice changes nothing. */
  void put(String path, byte[] bytes) throws IOException;

  /** The file's bytes, or empty when there is no such file. */
  Optional<byte[]> get(String path) throws IOException;

  /**
   * Several files' bytes, in the order of {@code paths} (empty where there is no such file). A
   * store across a network reads them at the same time: one round trip instead of one each.
   */
  default List<Optional<byte[]>> getAll(List<String> paths) throws IOException {
    List<Optional<byte[]>> files = new ArrayList<>();
    for (String path : paths) {
      files.add(get(path));
    }
    return files;
  }

  /** Where the store is, for logs and errors. */
  String location();

  /** A store for {@code location}: an http(s) URL means WebDAV, anything else a directory. */
  static ArtifactStore at(String location, int timeoutMillis) {
    return at(location, timeoutMillis, ArtifactStoreOptions.NONE);
  }

  /**
   * A store for {@code location}: an http(s) URL means WebDAV, reached with {@code options};
   * anything else a directory, for which the options mean nothing.
   *
   * @throws IllegalArgumentException naming the file, when a file of {@code options} is unusable
   */
  static ArtifactStore at(String location, int timeoutMillis, ArtifactStoreOptions options) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return new WebDavArtifactStore(location, timeoutMillis, options);
    }
    return new DirectoryArtifactStore(java.nio.file.Path.of(location));
  }
}
