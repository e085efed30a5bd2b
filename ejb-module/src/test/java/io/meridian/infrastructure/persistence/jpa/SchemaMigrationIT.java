package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class SchemaMigrationIT {

  @Test
  void migratesAnEmptyDatabaseAndIsIdempotent() throws Exception {
    TestDatabase.reset();
    MigrateResult first =
        SchemaMigrator.migrate(TestDatabase.dataSource(), getClass().getClassLoader());
    assertTrue(first.migrationsExecuted >= 1);
    MigrateResult second =
        SchemaMigrator.migrate(TestDatabase.dataSource(), getClass().getClassLoader());
    assertEquals(0, second.migrationsExecuted);
    assertEquals(first.targetSchemaVersion, second.initialSchemaVersion);

    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM tiers ORDER BY request_count DESC")) {
      StringBuilder names = new StringBuilder();
      while (rs.next()) {
        names.append(rs.getString(1)).append(' ');
      }
      assertEquals("Gold Silver Bronze Unlimited ", names.toString());
    }
  }
}
