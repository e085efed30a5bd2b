package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.publication.DatacenterDeployment;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.domain.model.publication.OutboxBacklog;
import io.meridian.domain.model.publication.Publication;
import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPublicationRepository implements PublicationRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaPublicationRepository() {}

  public JpaPublicationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Publication publication) {
    em.persist(publication);
  }

  @Override
  public Optional<Publication> lock(long id) {
    return Optional.ofNullable(em.find(Publication.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<Long> unpublished(int limit) {
    return em.createQuery(
            "SELECT p.id FROM Publication p WHERE p.publishedAt IS NULL ORDER BY p.id", Long.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Long> unannounced(int limit) {
    return em.createQuery(
            "SELECT p.id FROM Publication p WHERE p.publishedAt IS NOT NULL"
                + " AND p.announcedAt IS NULL ORDER BY p.id",
            Long.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<Long> newestUnlisted() {
    return Optional.ofNullable(
        em.createQuery(
                "SELECT MAX(p.id) FROM Publication p WHERE p.publishedAt IS NOT NULL"
                    + " AND p.manifestAt IS NULL",
                Long.class)
            .getSingleResult());
  }

  @Override
  public void listedUpTo(long id, OffsetDateTime at) {
    em.createQuery(
            "UPDATE Publication p SET p.manifestAt = :at WHERE p.id <= :id"
                + " AND p.publishedAt IS NOT NULL AND p.manifestAt IS NULL")
        .setParameter("at", at)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public OutboxBacklog backlog() {
    long pending =
        em.createQuery("SELECT COUNT(p) FROM Publication p WHERE p.announcedAt IS NULL", Long.class)
            .getSingleResult();
    if (pending == 0) {
      return OutboxBacklog.EMPTY;
    }
    // Ids grow with requests: the lowest pending id is the oldest request.
    return em.createQuery(
            "SELECT p.requestedAt FROM Publication p WHERE p.announcedAt IS NULL ORDER BY p.id",
            OffsetDateTime.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(oldest -> new OutboxBacklog(pending, oldest))
        .orElse(OutboxBacklog.EMPTY);
  }

  @Override
  public Optional<Publication> lastAnnounced() {
    // An entry skipped because its revision was gone has announcedAt but no WAL position.
    return em.createQuery(
            "SELECT p FROM Publication p WHERE p.announcedAt IS NOT NULL AND p.lsn IS NOT NULL"
                + " ORDER BY p.announcedAt DESC, p.id DESC",
            Publication.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<DeployedArtifact> deployed(String apiId) {
    return Optional.ofNullable(em.find(DeployedArtifact.class, apiId));
  }

  @Override
  public List<DeployedArtifact> allDeployed() {
    return em.createQuery(
            "SELECT d FROM DeployedArtifact d ORDER BY d.apiId", DeployedArtifact.class)
        .getResultList();
  }

  @Override
  public void saveDeployed(DeployedArtifact artifact) {
    if (!em.contains(artifact)) {
      em.persist(artifact);
    }
  }

  @Override
  public void removeDeployed(String apiId) {
    deployed(apiId).ifPresent(em::remove);
  }

  @Override
  public DatacenterDeployment deployment(String datacenter, String node, String apiId) {
    DatacenterDeployment d =
        em.find(DatacenterDeployment.class, new DatacenterDeployment.Key(datacenter, node, apiId));
    if (d == null) {
      d = new DatacenterDeployment(datacenter, node, apiId);
      em.persist(d);
    }
    return d;
  }

  @Override
  public List<DatacenterDeployment> deploymentsOf(String apiId) {
    return em.createQuery(
            "SELECT d FROM DatacenterDeployment d WHERE d.apiId = :api"
                + " ORDER BY d.datacenter, d.node",
            DatacenterDeployment.class)
        .setParameter("api", apiId)
        .getResultList();
  }

  @Override
  public List<DatacenterDeployment> allDeployments() {
    return em.createQuery(
            "SELECT d FROM DatacenterDeployment d ORDER BY d.datacenter, d.node, d.apiId",
            DatacenterDeployment.class)
        .getResultList();
  }

  @Override
  public String currentWalPosition() {
    return (String) em.createNativeQuery("SELECT pg_current_wal_lsn()::text").getSingleResult();
  }
}
