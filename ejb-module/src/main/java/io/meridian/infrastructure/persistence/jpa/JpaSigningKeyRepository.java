package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.token.SigningKey;
import io.meridian.domain.model.token.SigningKeyRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaSigningKeyRepository() {}

  public JpaSigningKeyRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<SigningKey> all() {
    return em.createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt", SigningKey.class)
        .getResultList();
  }

  @Override
  public Optional<SigningKey> find(String kid) {
    return Optional.ofNullable(em.find(SigningKey.class, kid));
  }

  @Override
  public void add(SigningKey key) {
    em.persist(key);
  }

  @Override
  public void remove(SigningKey key) {
    em.remove(key);
  }
}
