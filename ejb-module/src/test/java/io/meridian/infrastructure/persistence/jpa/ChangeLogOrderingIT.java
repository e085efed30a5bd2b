package io.meridian.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.domain.model.change.ChangeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A follower must never see sequence n+1 committed before n. Writers serialise on an advisory lock;
 * this test holds one writer's transaction open and checks that a second writer waits for the lock,
 * then commits after it with a larger sequence.
 */
class ChangeLogOrderingIT {

  private static EntityManagerFactory emf;

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.reset();
    SchemaMigrator.migrate(TestDatabase.dataSource(), ChangeLogOrderingIT.class.getClassLoader());
    emf = TestDatabase.entityManagerFactory();
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  private static long waitingAdvisoryLocks() throws Exception {
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aSecondWriterWaitsForTheFirstToCommit() throws Exception {
    OffsetDateTime now = OffsetDateTime.now();
    EntityManager first = emf.createEntityManager();
    first.getTransaction().begin();
    new JpaChangeLog(first).append(new ChangeLogEntry(ChangeType.TIER_CHANGED, "first", now));

    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> {
              EntityManager em = emf.createEntityManager();
              em.getTransaction().begin();
              new JpaChangeLog(em)
                  .append(new ChangeLogEntry(ChangeType.TIER_CHANGED, "second", now));
              em.getTransaction().commit();
              em.close();
            });

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waitingAdvisoryLocks() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, waitingAdvisoryLocks(), "the second writer should be waiting for the lock");
    assertFalse(second.isDone());

    first.getTransaction().commit();
    first.close();
    second.get(10, TimeUnit.SECONDS);

    EntityManager reader = emf.createEntityManager();
    List<ChangeLogEntry> log = new JpaChangeLog(reader).after(0, 10);
    reader.close();
    assertEquals(List.of("first", "second"), log.stream().map(ChangeLogEntry::entityId).toList());
    assertTrue(log.get(0).sequence() < log.get(1).sequence());
  }
}
