package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.user.User;
import io.meridian.domain.model.user.UserRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaUserRepository() {}

  public JpaUserRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<User> find(String username) {
    return Optional.ofNullable(username == null ? null : em.find(User.class, username));
  }

  @Override
  public void add(User user) {
    em.persist(user);
  }

  @Override
  public List<User> list(int offset, int limit) {
    return em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
  }
}
