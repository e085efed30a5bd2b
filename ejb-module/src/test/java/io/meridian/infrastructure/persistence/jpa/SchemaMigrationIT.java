package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.shared.api.ApiDefinitionJson;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
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

  @Test
  void readsApisWrittenBeforeEndpointUrlListsAsOneUrlEndpointsWithoutCors() throws Exception {
    TestDatabase.reset();
    Flyway.configure(getClass().getClassLoader())
        .dataSource(TestDatabase.dataSource())
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO apis (id, opt_lock, name, context, version, description, visibility,"
              + " owner, state, default_endpoint_url, default_endpoint_timeout_ms,"
              + " latest_revision, created_at, updated_at) VALUES ('legacy', 1, 'Legacy',"
              + " '/legacy', '1.0', '', 'PUBLIC', 'pat', 'CREATED', 'http://10.0.0.1:9000/base',"
              + " 5000, 0, now(), now())");
      s.execute(
          "INSERT INTO api_operations (api_id, position, method, uri_template, auth_required,"
              + " scopes, tier) VALUES ('legacy', 0, 'GET', '/menu', true, '', 'Gold')");
      s.execute(
          "INSERT INTO api_endpoint_overrides (api_id, datacenter, url, timeout_ms)"
              + " VALUES ('legacy', 'dc-2', 'https://10.1.0.5:9443', 2000)");
    }

    SchemaMigrator.migrate(TestDatabase.dataSource(), getClass().getClassLoader());

    EntityManagerFactory emf = TestDatabase.entityManagerFactory();
    try {
      EntityManager em = emf.createEntityManager();
      Api api = em.find(Api.class, "legacy");
      assertEquals(List.of("http://10.0.0.1:9000/base"), api.defaultEndpoint().urls());
      assertEquals(List.of("https://10.1.0.5:9443"), api.datacenterEndpoints().get("dc-2").urls());
      assertTrue(api.cors().isEmpty());
      String json = ApiDefinitionJson.write(api.definition());
      assertFalse(json.contains("\"urls\"") || json.contains("\"cors\""), json);
      em.close();
    } finally {
      emf.close();
    }
  }
}
