package io.meridian.shared.artifact;

import java.io.IOException;
import java.util.Optional;

/** The artifact server's files: a WebDAV server (nginx) or a directory (a shared mount). */
public interface ArtifactStore {

  /** Writes (or overwrites) a file. Idempotent: putting the same bytes twice changes nothing. */
  void put(String path, byte[] bytes) throws IOException;

  /** The file's bytes, or empty when there is no such file. */
  Optional<byte[]> get(String path) throws IOException;

  /** Where the store is, for logs and errors. */
  String location();

  /** A store for {@code location}: an http(s) URL means WebDAV, anything else a directory. */
  static ArtifactStore at(String location, int timeoutMillis) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return new WebDavArtifactStore(location, timeoutMillis);
    }
    return new DirectoryArtifactStore(java.nio.file.Path.of(location));
  }
}
