package io.meridian.shared.artifact;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a WebDAV store reaches its server across a WAN link; a directory store ignores them.
 *
 * @param trustCaFile a PEM file of the CA certificates to trust, and only those, for https (else
 *     the JVM's default trust store)
 * @param credentialsFile a file holding {@code user:password} that every write sends as HTTP Basic
 *     credentials (reads send none)
 */
public record ArtifactStoreOptions(Optional<Path> trustCaFile, Optional<Path> credentialsFile) {

  /** The JVM's default trust store and no credentials. */
  public static final ArtifactStoreOptions NONE =
      new ArtifactStoreOptions(Optional.empty(), Optional.empty());

  public ArtifactStoreOptions {
    Objects.requireNonNull(trustCaFile, "trustCaFile");
    Objects.requireNonNull(credentialsFile, "credentialsFile");
  }

  /** Options from configuration values, where an absent or blank value means "not set". */
  public static ArtifactStoreOptions of(
      Optional<String> trustCaFile, Optional<String> credentialsFile) {
    return new ArtifactStoreOptions(path(trustCaFile), path(credentialsFile));
  }

  private static Optional<Path> path(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of);
  }
}
