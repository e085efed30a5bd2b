package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.traffic.ApiTrafficMinute;
import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficRepository;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class JpaTrafficRepository implements TrafficRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaTrafficRepository() {}

  public JpaTrafficRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public ApiTrafficMinute minute(
      String apiId, OffsetDateTime minute, String datacenter, String node) {
    ApiTrafficMinute row =
        em.find(ApiTrafficMinute.class, new ApiTrafficMinute.Key(apiId, minute, datacenter, node));
    if (row == null) {
      row = new ApiTrafficMinute(apiId, minute, datacenter, node);
      em.persist(row);
    }
    return row;
  }

  @Override
  public List<DatacenterMinute> perDatacenter(
      String apiId, OffsetDateTime from, OffsetDateTime to) {
    return em.createQuery(
            "SELECT t.datacenter, t.minute, SUM(t.requests), SUM(t.clientErrors),"
                + " SUM(t.serverErrors), MAX(t.p95Millis) FROM ApiTrafficMinute t"
                + " WHERE t.apiId = :api AND t.minute >= :from AND t.minute < :to"
                + " GROUP BY t.datacenter, t.minute ORDER BY t.datacenter, t.minute",
            Object[].class)
        .setParameter("api", apiId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(
            r ->
                new DatacenterMinute(
                    (String) r[0],
                    ((OffsetDateTime) r[1]).withOffsetSameInstant(ZoneOffset.UTC),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).doubleValue()))
        .toList();
  }

  @Override
  public int deleteBefore(OffsetDateTime before) {
    return em.createQuery("DELETE FROM ApiTrafficMinute t WHERE t.minute < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
