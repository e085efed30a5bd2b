package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.change.AuditEntry;
import io.meridian.domain.model.change.AuditLog;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaAuditLog() {}

  public JpaAuditLog(EntityManager em) {
    this.em = em;
  }

  @Override
  public void record(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> of(String entityType, String entityId) {
    return em.createQuery(
            "SELECT e FROM AuditEntry e WHERE e.entityType = :type AND e.entityId = :id"
                + " ORDER BY e.at DESC, e.id DESC",
            AuditEntry.class)
        .setParameter("type", entityType)
        .setParameter("id", entityId)
        .getResultList();
  }
}
