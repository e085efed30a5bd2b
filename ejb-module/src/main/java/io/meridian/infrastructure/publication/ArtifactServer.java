package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.ArtifactStoreOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The artifact server the master writes to: {@code meridian.artifacts.location}, an http(s) WebDAV
 * URL (nginx) or a directory (a mount the gateways share). Over https, {@code
 * meridian.artifacts.trust-ca-file} (a PEM file) names the only CAs trusted for the server's
 * certificate (else the JVM's trust store); {@code meridian.artifacts.credentials-file} holds the
 * {@code user:password} that every write sends as HTTP Basic credentials.
 */
@ApplicationScoped
public class ArtifactServer {

  @Inject
  @ConfigProperty(name = "meridian.artifacts.location", defaultValue = "http://127.0.0.1:8088/")
  String location;

  @Inject
  @ConfigProperty(name = "meridian.artifacts.timeout-millis", defaultValue = "5000")
  int timeoutMillis;

  @Inject
  @ConfigProperty(name = "meridian.artifacts.trust-ca-file")
  Optional<String> trustCaFile;

  @Inject
  @ConfigProperty(name = "meridian.artifacts.credentials-file")
  Optional<String> credentialsFile;

  @Produces
  @Singleton
  ArtifactStore store() {
    return ArtifactStore.at(
        location, timeoutMillis, ArtifactStoreOptions.of(trustCaFile, credentialsFile));
  }
}
