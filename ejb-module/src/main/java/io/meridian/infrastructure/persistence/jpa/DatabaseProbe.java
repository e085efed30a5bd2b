package io.meridian.infrastructure.persistence.jpa;

import io.meridian.infrastructure.Resources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * Asks the primary database the cheapest question there is, through the persistence unit. An EJB,
 * so that it works on the threads Payara runs health checks on (outside any request of the EAR).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseProbe {

  /** A health check must answer even when the database does not. */
  static final int TIMEOUT_MILLIS = 2000;

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  /** How long {@code SELECT 1} took; throws when the database does not answer. */
  public Duration ping() {
    long start = System.nanoTime();
    em.createNativeQuery("SELECT 1")
        .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
        .getSingleResult();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
