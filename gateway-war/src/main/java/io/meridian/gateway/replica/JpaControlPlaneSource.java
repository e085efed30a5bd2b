package io.meridian.gateway.replica;

import io.meridian.gateway.state.ControlPlaneSource;
import io.meridian.gateway.throttle.ThrottlePolicy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the control plane's state through the read-only persistence unit: one transaction, declared
 * READ ONLY and REPEATABLE READ before its first query, so that the change-log sequence and the
 * rows belong to the same snapshot. Nothing is ever written (on a standby a write would fail with
 * SQLSTATE 25006 anyway).
 */
public final class JpaControlPlaneSource implements ControlPlaneSource {

  public static final String UNIT = "meridian-replica";

  /** The newest change-log entry: the position of the state read (the poll and the read). */
  private static final String LATEST_CHANGE = "SELECT max(seq) FROM change_log";

  private final EntityManagerFactory factory;

  public JpaControlPlaneSource(EntityManagerFactory factory) {
    this.factory = factory;
  }

  @Override
  public Progress progress() {
    EntityManager em = factory.createEntityManager();
    try {
      // One round trip per poll: the sequence and the heartbeat's age in milliseconds since epoch.
      Object[] row =
          (Object[])
              em.createNativeQuery(
                      "SELECT ("
                          + LATEST_CHANGE
                          + "),"
                          + " (SELECT floor(extract(epoch FROM beat_at) * 1000)::bigint"
                          + " FROM replication_heartbeat WHERE id = 1)")
                  .getSingleResult();
      long sequence = row[0] == null ? 0 : ((Number) row[0]).longValue();
      Long beat = row[1] == null ? null : ((Number) row[1]).longValue();
      return new Progress(sequence, beat);
    } finally {
      em.close();
    }
  }

  @Override
  public ControlPlaneData read() {
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
          .executeUpdate();
      long sequence = sequence(em);
      List<String> jwks =
          em.createQuery("SELECT k.publicJwk FROM ReplicaSigningKey k ORDER BY k.kid", String.class)
              .getResultList();
      List<String> revoked =
          em.createQuery(
                  "SELECT r.jti FROM ReplicaRevocation r WHERE r.expiresAt > :now", String.class)
              .setParameter("now", OffsetDateTime.now())
              .getResultList();
      List<SubscriptionRow> subscriptions =
          em.createQuery(
                  "SELECT s FROM ReplicaSubscription s WHERE s.state <> 'UNSUBSCRIBED'",
                  ReplicaSubscription.class)
              .getResultStream()
              .map(s -> new SubscriptionRow(s.applicationId(), s.apiId(), s.state(), s.tier()))
              .toList();
      List<ThrottlePolicy> policies =
          em.createQuery("SELECT p FROM ReplicaPolicy p", ReplicaPolicy.class)
              .getResultStream()
              .map(JpaControlPlaneSource::policy)
              .toList();
      Map<String, String> applicationTiers = new HashMap<>();
      em.createQuery("SELECT a FROM ReplicaApplication a", ReplicaApplication.class)
          .getResultStream()
          .forEach(a -> applicationTiers.put(a.id(), a.tier()));
      return new ControlPlaneData(
          sequence, jwks, new HashSet<>(revoked), subscriptions, policies, applicationTiers);
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private static ThrottlePolicy policy(ReplicaPolicy p) {
    return new ThrottlePolicy(
        p.name(),
        p.requestCount(),
        p.unitSeconds() * 1000L,
        p.burstPerSecond(),
        p.bandwidthBytes(),
        p.bandwidthUnitSeconds() * 1000L,
        p.globalQuota());
  }

  private static long sequence(EntityManager em) {
    Object max = em.createNativeQuery(LATEST_CHANGE).getSingleResult();
    return max == null ? 0 : ((Number) max).longValue();
  }
}
