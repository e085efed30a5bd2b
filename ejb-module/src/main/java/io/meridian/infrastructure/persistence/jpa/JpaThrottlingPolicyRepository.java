package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaThrottlingPolicyRepository implements ThrottlingPolicyRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaThrottlingPolicyRepository() {}

  public JpaThrottlingPolicyRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ThrottlingPolicy> find(String name) {
    return Optional.ofNullable(name == null ? null : em.find(ThrottlingPolicy.class, name));
  }

  @Override
  public Optional<ThrottlingPolicy> findForUpdate(String name) {
    // SELECT ... FOR UPDATE: a subscription, application or API that starts referring to the
    // policy takes a key-share lock on this row for its foreign key, so it waits for the delete
    // (and then fails) or the delete waits for it (and then sees it in use).
    return Optional.ofNullable(
        name == null
            ? null
            : em.find(ThrottlingPolicy.class, name, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<ThrottlingPolicy> all() {
    return em.createQuery(
            "SELECT t FROM ThrottlingPolicy t ORDER BY t.requestCount DESC, t.name",
            ThrottlingPolicy.class)
        .getResultList();
  }

  @Override
  public void add(ThrottlingPolicy policy) {
    em.persist(policy);
  }

  @Override
  public void remove(ThrottlingPolicy policy) {
    em.remove(policy);
  }
}
