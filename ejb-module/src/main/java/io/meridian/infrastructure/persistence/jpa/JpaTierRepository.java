package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.policy.Tier;
import io.meridian.domain.model.policy.TierRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTierRepository implements TierRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaTierRepository() {}

  public JpaTierRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Tier> find(String name) {
    return Optional.ofNullable(name == null ? null : em.find(Tier.class, name));
  }

  @Override
  public List<Tier> all() {
    return em.createQuery("SELECT t FROM Tier t ORDER BY t.requestCount DESC, t.name", Tier.class)
        .getResultList();
  }
}
