package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import io.meridian.domain.model.subscription.SubscriptionState;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSubscriptionRepository implements SubscriptionRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaSubscriptionRepository() {}

  public JpaSubscriptionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Subscription> find(String id) {
    return Optional.ofNullable(em.find(Subscription.class, id));
  }

  @Override
  public Optional<Subscription> findByApplicationAndApi(String applicationId, String apiId) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.applicationId = :app AND s.apiId = :api",
            Subscription.class)
        .setParameter("app", applicationId)
        .setParameter("api", apiId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Subscription> findByApplication(String applicationId) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.applicationId = :app ORDER BY s.createdAt",
            Subscription.class)
        .setParameter("app", applicationId)
        .getResultList();
  }

  @Override
  public List<Subscription> findByApi(String apiId) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.apiId = :api ORDER BY s.createdAt",
            Subscription.class)
        .setParameter("api", apiId)
        .getResultList();
  }

  @Override
  public void add(Subscription subscription) {
    em.persist(subscription);
  }

  @Override
  public void removeAllOfApplication(String applicationId) {
    em.createQuery("DELETE FROM Subscription s WHERE s.applicationId = :app")
        .setParameter("app", applicationId)
        .executeUpdate();
  }

  @Override
  public void removeAllOfApi(String apiId) {
    em.createQuery("DELETE FROM Subscription s WHERE s.apiId = :api")
        .setParameter("api", apiId)
        .executeUpdate();
  }

  @Override
  public long countNotEndedAtTier(String tier) {
    return em.createQuery(
            "SELECT COUNT(s) FROM Subscription s WHERE s.tier = :tier AND s.state <> :ended",
            Long.class)
        .setParameter("tier", tier)
        .setParameter("ended", SubscriptionState.UNSUBSCRIBED)
        .getSingleResult();
  }

  @Override
  public int moveEndedToTier(String from, String to) {
    // The version moves too, so a concurrent resubscribe of one of them fails instead of
    // silently writing over the move.
    return em.createQuery(
            "UPDATE Subscription s SET s.tier = :to, s.optLock = s.optLock + 1"
                + " WHERE s.tier = :from AND s.state = :ended")
        .setParameter("to", to)
        .setParameter("from", from)
        .setParameter("ended", SubscriptionState.UNSUBSCRIBED)
        .executeUpdate();
  }
}
