package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The artifact server the master writes to: {@code meridian.artifacts.location}, an http(s) WebDAV
 * URL (nginx) or a directory (a mount the gateways share).
 */
@ApplicationScoped
public class ArtifactServer {

  @Inject
  @ConfigProperty(name = "meridian.artifacts.location", defaultValue = "http://127.0.0.1:8088/")
  String location;

  @Inject
  @ConfigProperty(name = "meridian.artifacts.timeout-millis", defaultValue = "5000")
  int timeoutMillis;

  @Produces
  @Singleton
  ArtifactStore store() {
    return ArtifactStore.at(location, timeoutMillis);
  }
}
