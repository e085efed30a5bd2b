package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.change.ChangeLog;
import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaChangeLog implements ChangeLog {

  /**
   * Key of the transaction-scoped advisory lock that serialises change-log writers. Without it, a
   * transaction holding sequence 7 could commit after one holding 8, and a follower that already
   * read 8 would never see 7.
   */
  static final long WRITER_LOCK = 0x4d45524944L;

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaChangeLog() {}

  public JpaChangeLog(EntityManager em) {
    this.em = em;
  }

  @Override
  public void append(ChangeLogEntry entry) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")").getResultList();
    em.persist(entry);
    em.flush();
  }

  @Override
  public List<ChangeLogEntry> after(long sequence, int limit) {
    return em.createQuery(
            "SELECT e FROM ChangeLogEntry e WHERE e.sequence > :seq ORDER BY e.sequence",
            ChangeLogEntry.class)
        .setParameter("seq", sequence)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long latestSequence() {
    Long max =
        em.createQuery("SELECT MAX(e.sequence) FROM ChangeLogEntry e", Long.class)
            .getSingleResult();
    return max == null ? 0 : max;
  }
}
