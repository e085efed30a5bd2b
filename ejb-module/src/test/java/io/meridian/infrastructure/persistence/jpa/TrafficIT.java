package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiFixtures;
import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.infrastructure.TimeSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traffic rows against a real PostgreSQL: the upsert keeps the larger figures, the query sums
 * each datacenter's nodes per minute, and the retention delete and API deletion remove rows.
 */
class TrafficIT {

  private static final TimeSource TIME = new TimeSource();
  private static final OffsetDateTime M0 = OffsetDateTime.parse("2026-12-02T13:05:00Z");
  private static final OffsetDateTime M1 = M0.plusMinutes(1);
  private static EntityManagerFactory emf;

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.reset();
    SchemaMigrator.migrate(TestDatabase.dataSource(), TrafficIT.class.getClassLoader());
    emf = TestDatabase.entityManagerFactory();
    inTransaction(
        em -> {
          new JpaUserRepository(em)
              .add(new User("pat", "h", "", EnumSet.of(Role.publisher), TIME.now()));
          return null;
        });
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  interface Work<T> {
    T apply(EntityManager em) throws Exception;
  }

  static <T> T inTransaction(Work<T> work) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static String api(String context) throws Exception {
    return inTransaction(
        em -> {
          Api api = Api.create(ApiFixtures.spec(context, "d"), "pat", TIME.now());
          new JpaApiRepository(em).add(api);
          return api.id();
        });
  }

  /** One report of one API-minute, in its own transaction as the listener applies it. */
  private static void report(
      String api,
      OffsetDateTime minute,
      String dc,
      String node,
      long requests,
      long client,
      long server,
      double p95)
      throws Exception {
    inTransaction(
        em ->
            new JpaTrafficRepository(em)
                .minute(api, minute, dc, node)
                .report(requests, client, server, p95, TIME.now()));
  }

  private static List<DatacenterMinute> query(String api) throws Exception {
    return inTransaction(
        em ->
            new JpaTrafficRepository(em).perDatacenter(api, M0.minusMinutes(5), M1.plusMinutes(1)));
  }

  @Test
  void keepsTheLargerReportAndSumsEachDatacentersNodesPerMinute() throws Exception {
    String api = api("/traffic-a");
    report(api, M0, "dc-ro1", "gw-r1", 10, 1, 0, 12);
    report(api, M0, "dc-ro1", "gw-r1", 30, 4, 1, 20); // later in the minute
    report(api, M0, "dc-ro1", "gw-r1", 10, 1, 0, 12); // the first, redelivered: no roll-back
    report(api, M0, "dc-ro1", "gw-r2", 5, 0, 2, 80);
    report(api, M1, "dc-ro1", "gw-r1", 7, 0, 0, 3);
    report(api, M0, "dc-master", "gw-m1", 2, 2, 0, 1);
    report(api, M0.minusMinutes(10), "dc-master", "gw-m1", 99, 0, 0, 1); // outside the window

    assertEquals(
        List.of(
            new DatacenterMinute("dc-master", M0, 2, 2, 0, 1),
            new DatacenterMinute("dc-ro1", M0, 35, 4, 3, 80),
            new DatacenterMinute("dc-ro1", M1, 7, 0, 0, 3)),
        query(api));
  }

  @Test
  void deletesMinutesBeforeTheRetentionLimitAndWithTheirApi() throws Exception {
    String kept = api("/traffic-b");
    String deleted = api("/traffic-c");
    report(kept, M0, "dc-ro1", "gw-r1", 1, 0, 0, 1);
    report(kept, M1, "dc-ro1", "gw-r1", 2, 0, 0, 1);
    report(deleted, M0, "dc-ro1", "gw-r1", 3, 0, 0, 1);

    int expired = inTransaction(em -> new JpaTrafficRepository(em).deleteBefore(M1));
    assertEquals(2, expired); // M0 of both APIs
    assertEquals(List.of(new DatacenterMinute("dc-ro1", M1, 2, 0, 0, 1)), query(kept));

    report(deleted, M1, "dc-ro1", "gw-r1", 3, 0, 0, 1);
    inTransaction(
        em -> {
          JpaApiRepository apis = new JpaApiRepository(em);
          apis.remove(apis.find(deleted).orElseThrow());
          return null;
        });
    assertEquals(List.of(), query(deleted));
  }
}
