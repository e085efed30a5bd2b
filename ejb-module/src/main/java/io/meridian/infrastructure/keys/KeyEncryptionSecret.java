package io.meridian.infrastructure.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the secret that encrypts signing keys comes from: the configuration key {@code
 * meridian.keymanager.key-encryption-secret} if set, else a file that is created with a random
 * secret on first start ({@code meridian.keymanager.key-encryption-secret-file}, by default in the
 * Payara domain's config directory). Keep that file when moving a master; without it the stored
 * private keys cannot be used and a rotation is needed.
 */
@ApplicationScoped
public class KeyEncryptionSecret {

  @Inject
  @ConfigProperty(name = "meridian.keymanager.key-encryption-secret")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "meridian.keymanager.key-encryption-secret-file")
  Optional<String> file;

  /** A pseudo-scoped singleton: the key is derived once, and final classes need no proxy. */
  @Produces
  @Singleton
  KeyEncryption keyEncryption() {
    return new KeyEncryption(configured.filter(s -> !s.isBlank()).orElseGet(this::fromFile));
  }

  private String fromFile() {
    Path path =
        Path.of(
            file.orElseGet(
                () ->
                    System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.dir"))
                        + "/config/meridian-key-encryption.secret"));
    try {
      if (!Files.exists(path)) {
        Files.createDirectories(path.getParent());
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, io.meridian.domain.model.application.ClientSecret.random());
      }
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key encryption secret " + path, e);
    }
  }
}
