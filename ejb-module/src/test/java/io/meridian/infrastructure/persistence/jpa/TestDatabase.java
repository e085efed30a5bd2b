package io.meridian.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database of the integration tests (created by scripts/test.sh), emptied and
 * migrated with the production migrations.
 */
final class TestDatabase {

  static final String URL =
      System.getProperty("meridian.test.db.url", "jdbc:postgresql://127.0.0.1:5432/meridian_it");
  static final String USER = System.getProperty("meridian.test.db.user", "meridian");
  static final String PASSWORD = System.getProperty("meridian.test.db.password", "meridian");

  private TestDatabase() {}

  static PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL);
    ds.setUser(USER);
    ds.setPassword(PASSWORD);
    return ds;
  }

  /** Drops everything in the schema, so each test class starts from migration zero. */
  static void reset() throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  static EntityManagerFactory entityManagerFactory() {
    return Persistence.createEntityManagerFactory(
        "meridian-it",
        Map.of(
            "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
            "jakarta.persistence.jdbc.url", URL,
            "jakarta.persistence.jdbc.user", USER,
            "jakarta.persistence.jdbc.password", PASSWORD));
  }
}
