package io.meridian.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Whether {@link ControlPlaneBootstrap} has finished, readable without waiting for the singleton
 * (whose lock its own start-up holds).
 */
@ApplicationScoped
public class BootstrapState {

  private volatile OffsetDateTime completedAt;

  void completed(OffsetDateTime at) {
    completedAt = at;
  }

  public Optional<OffsetDateTime> completedAt() {
    return Optional.ofNullable(completedAt);
  }
}
