package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.ApplicationRepository;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApplicationRepository implements ApplicationRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaApplicationRepository() {}

  public JpaApplicationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Application> find(String id) {
    return Optional.ofNullable(em.find(Application.class, id));
  }

  @Override
  public List<Application> findByOwner(String owner) {
    return em.createQuery(
            "SELECT a FROM Application a WHERE a.owner = :owner ORDER BY a.name", Application.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  @Override
  public boolean existsByOwnerAndName(String owner, String name) {
    return em.createQuery(
                "SELECT COUNT(a) FROM Application a WHERE a.owner = :owner AND a.name = :name",
                Long.class)
            .setParameter("owner", owner)
            .setParameter("name", name)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(Application application) {
    em.persist(application);
  }

  @Override
  public void remove(Application application) {
    em.createQuery("DELETE FROM OAuthClient c WHERE c.applicationId = :id")
        .setParameter("id", application.id())
        .executeUpdate();
    em.remove(application);
  }

  @Override
  public long countAtTier(String tier) {
    return em.createQuery("SELECT COUNT(a) FROM Application a WHERE a.tier = :tier", Long.class)
        .setParameter("tier", tier)
        .getSingleResult();
  }

  @Override
  public Optional<OAuthClient> findClient(String consumerKey) {
    return Optional.ofNullable(em.find(OAuthClient.class, consumerKey));
  }

  @Override
  public Optional<OAuthClient> findClientOfApplication(String applicationId) {
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.applicationId = :id", OAuthClient.class)
        .setParameter("id", applicationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addClient(OAuthClient client) {
    em.persist(client);
  }
}
