package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiState;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaApiRepository implements ApiRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaApiRepository() {}

  public JpaApiRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Api> find(String id) {
    return Optional.ofNullable(em.find(Api.class, id));
  }

  @Override
  public Optional<Api> findByContextAndVersion(String context, String version) {
    return em.createQuery(
            "SELECT a FROM Api a WHERE a.context = :context AND a.version = :version", Api.class)
        .setParameter("context", context)
        .setParameter("version", version)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Api> findDefaultVersions(String context) {
    return em.createQuery(
            "SELECT a FROM Api a WHERE a.context = :context AND a.defaultVersion = true", Api.class)
        .setParameter("context", context)
        .getResultList();
  }

  @Override
  public List<Api> search(String query, Set<ApiState> states, int offset, int limit) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT).strip();
    // Enum names are constants, so inlining them is safe; the user's text stays a parameter.
    String stateList =
        (states.isEmpty() ? EnumSet.allOf(ApiState.class) : states)
            .stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(","));
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT a.id FROM apis a WHERE a.state IN ("
                    + stateList
                    + ") AND (?1 = '' OR strpos(lower(a.name), ?1) > 0"
                    + " OR strpos(lower(a.context), ?1) > 0"
                    + " OR strpos(lower(a.description), ?1) > 0"
                    + " OR EXISTS (SELECT 1 FROM api_tags t"
                    + "  WHERE t.api_id = a.id AND strpos(lower(t.tag), ?1) > 0))"
                    + " ORDER BY a.name, a.version, a.id OFFSET ?2 LIMIT ?3")
            .setParameter(1, q)
            .setParameter(2, offset)
            .setParameter(3, limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT a FROM Api a WHERE a.id IN :ids ORDER BY a.name, a.version, a.id", Api.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public void add(Api api) {
    em.persist(api);
  }

  @Override
  public void remove(Api api) {
    em.createQuery("DELETE FROM ApiRevision r WHERE r.apiId = :id")
        .setParameter("id", api.id())
        .executeUpdate();
    em.remove(api);
  }

  @Override
  public long countUsingTier(String tier) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM apis a WHERE a.tier = ?1 OR EXISTS"
                        + " (SELECT 1 FROM api_operations o WHERE o.api_id = a.id AND o.tier = ?1)"
                        // A revision gateways may serve names it too: the latest frozen one of
                        // an API not retired (its canonical JSON holds "tier":"NAME").
                        + " OR (a.state <> 'RETIRED' AND EXISTS (SELECT 1 FROM api_revisions r"
                        + " WHERE r.api_id = a.id AND r.number = (SELECT max(number) FROM"
                        + " api_revisions WHERE api_id = a.id)"
                        + " AND strpos(r.definition, '\"tier\":\"' || ?1 || '\"') > 0))")
                .setParameter(1, tier)
                .getSingleResult();
    return n.longValue();
  }

  @Override
  public void addRevision(ApiRevision revision) {
    em.persist(revision);
  }

  @Override
  public List<ApiRevision> revisions(String apiId) {
    return em.createQuery(
            "SELECT r FROM ApiRevision r WHERE r.apiId = :id ORDER BY r.number", ApiRevision.class)
        .setParameter("id", apiId)
        .getResultList();
  }

  @Override
  public Optional<ApiRevision> revision(String apiId, int number) {
    return em.createQuery(
            "SELECT r FROM ApiRevision r WHERE r.apiId = :id AND r.number = :n", ApiRevision.class)
        .setParameter("id", apiId)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }
}
