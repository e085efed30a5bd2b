package io.meridian.application.internal;

import io.meridian.application.KeyService;
import io.meridian.application.UserService;
import io.meridian.domain.model.user.Role;
import io.meridian.infrastructure.TimeSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prepares a new control plane once the schema is migrated: the first administrator, from
 * configuration, and the first signing key.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class ControlPlaneBootstrap {

  private static final Logger LOG = Logger.getLogger(ControlPlaneBootstrap.class.getName());

  @Inject UserService users;
  @Inject KeyService keys;
  @Inject BootstrapState state;
  @Inject TimeSource time;

  @Inject
  @ConfigProperty(name = "meridian.admin.username", defaultValue = "admin")
  String adminUsername;

  @Inject
  @ConfigProperty(name = "meridian.admin.password")
  Optional<String> adminPassword;

  @PostConstruct
  void bootstrap() {
    createFirstAdmin();
    LOG.info(() -> "Token signing key " + keys.signer().getKeyID() + " is active");
    state.completed(time.now());
  }

  private void createFirstAdmin() {
    if (users.find(adminUsername).isPresent()) {
      return;
    }
    if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
      LOG.warning(
          "No administrator exists and meridian.admin.password is not set:"
              + " set MERIDIAN_ADMIN_PASSWORD and restart to create one");
      return;
    }
    users.create(
        adminUsername,
        adminPassword.get(),
        "",
        EnumSet.of(Role.admin, Role.publisher, Role.subscriber),
        "system");
    LOG.info(() -> "Created the first administrator " + adminUsername);
  }
}
