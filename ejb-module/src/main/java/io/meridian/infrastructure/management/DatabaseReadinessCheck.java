package io.meridian.infrastructure.management;

import io.meridian.infrastructure.persistence.jpa.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the primary database answers through the persistence unit. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  static final String NAME = "meridian-database";

  @Inject DatabaseProbe database;

  @Override
  public HealthCheckResponse call() {
    try {
      Duration took = database.ping();
      return HealthCheckResponse.named(NAME)
          .up()
          .withData("responseMillis", took.toMillis())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
