package io.meridian.infrastructure.persistence.jpa;

import io.meridian.infrastructure.Resources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else runs. Migrations are versioned SQL files in
 * {@code db/migration}; replicas receive them through streaming replication like any other write.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  // Not named migrate(): the container finds lifecycle callbacks by name, and with the static
  // overload below it sometimes picked that one ("wrong number of arguments" at deployment).
  @PostConstruct
  void migrateAtStartup() {
    MigrateResult result = migrate(dataSource, SchemaMigrator.class.getClassLoader());
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }

  /** Applies pending migrations; usable outside the container (tests, tools). */
  public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
