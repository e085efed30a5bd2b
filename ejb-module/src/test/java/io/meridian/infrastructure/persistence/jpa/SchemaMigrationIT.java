package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.Sha256;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.ApiDefinitionJson;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
      assertEquals("Unlimited", api.tier());
      String json = ApiDefinitionJson.write(api.definition());
      assertFalse(json.contains("\"urls\"") || json.contains("\"cors\""), json);
      em.close();
    } finally {
      emf.close();
    }
  }

  @Test
  void keepsTheSeededTiersAndGivesExistingApplicationsAndApisUnlimited() throws Exception {
    TestDatabase.reset();
    Flyway.configure(getClass().getClassLoader())
        .dataSource(TestDatabase.dataSource())
        .locations("classpath:db/migration")
        .target("4")
        .load()
        .migrate();
    // The hash a V4 master froze for this API when it published it.
    ApiDefinition published =
        new ApiDefinition(
            "legacy",
            "Legacy",
            "/legacy",
            "1.0",
            false,
            "",
            List.of(),
            "PUBLIC",
            "pat",
            List.of(new OperationDefinition("GET", "/menu", true, List.of(), "Gold")),
            new EndpointDefinition("http://10.0.0.1:9000", 5000),
            Map.of(),
            null,
            null);
    String hash = Sha256.hex(ApiDefinitionJson.write(published));
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (username, password_hash, email, created_at)"
              + " VALUES ('dev', 'h', '', now())");
      s.execute(
          "INSERT INTO applications (id, opt_lock, owner, name, description, created_at)"
              + " VALUES ('app', 1, 'dev', 'Shop', '', now())");
      s.execute(
          "INSERT INTO apis (id, opt_lock, name, context, version, description, visibility,"
              + " owner, state, default_endpoint_url, default_endpoint_timeout_ms,"
              + " latest_revision, latest_revision_hash, created_at, updated_at) VALUES"
              + " ('legacy', 1, 'Legacy', '/legacy', '1.0', '', 'PUBLIC', 'pat', 'PUBLISHED',"
              + " 'http://10.0.0.1:9000', 5000, 1, '"
              + hash
              + "', now(), now())");
      s.execute(
          "INSERT INTO api_operations (api_id, position, method, uri_template, auth_required,"
              + " scopes, tier) VALUES ('legacy', 0, 'GET', '/menu', true, '', 'Gold')");
      s.execute(
          "INSERT INTO subscriptions (id, opt_lock, application_id, api_id, tier, state,"
              + " created_at, updated_at) VALUES ('sub', 1, 'app', 'legacy', 'Silver', 'ACTIVE',"
              + " now(), now())");
    }

    SchemaMigrator.migrate(TestDatabase.dataSource(), getClass().getClassLoader());

    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, request_count, unit_seconds, description, burst_per_second,"
                    + " bandwidth_bytes, bandwidth_unit_seconds, global_quota FROM tiers"
                    + " ORDER BY request_count DESC")) {
      StringBuilder rows = new StringBuilder();
      while (rs.next()) {
        rows.append(rs.getString(1))
            .append(' ')
            .append(rs.getLong(2))
            .append('/')
            .append(rs.getInt(3))
            .append(" '")
            .append(rs.getString(4))
            .append("' ")
            .append(rs.getObject(5))
            .append(' ')
            .append(rs.getObject(6))
            .append(' ')
            .append(rs.getObject(7))
            .append(' ')
            .append(rs.getBoolean(8))
            .append('\n');
      }
      assertEquals(
          "Gold 5000/60 '5000 requests per minute' null null null false\n"
              + "Silver 2000/60 '2000 requests per minute' null null null false\n"
              + "Bronze 1000/60 '1000 requests per minute' null null null false\n"
              + "Unlimited 0/60 'No limit' null null null false\n",
          rows.toString());
    }

    EntityManagerFactory emf = TestDatabase.entityManagerFactory();
    try {
      EntityManager em = emf.createEntityManager();
      assertEquals("Unlimited", em.find(Application.class, "app").tier());
      assertEquals("Silver", em.find(Subscription.class, "sub").tier());
      Api api = em.find(Api.class, "legacy");
      assertEquals("Unlimited", api.tier());
      assertEquals("Gold", api.operations().get(0).tier());
      assertFalse(api.hasUnpublishedChanges(), "an Unlimited API hashes as it did before V5");
      ThrottlingPolicy gold = em.find(ThrottlingPolicy.class, "Gold");
      assertEquals(5000, gold.requestCount());
      assertTrue(gold.burstPerSecond().isEmpty());
      assertTrue(gold.bandwidthBytes().isEmpty());
      assertFalse(gold.globalQuota());
      assertTrue(em.find(ThrottlingPolicy.class, "Unlimited").isUnlimited());
      em.close();
    } finally {
      emf.close();
    }
  }
}
