package io.meridian.application.internal;

import io.meridian.application.TrafficService;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.traffic.DatacenterMinute;
import io.meridian.domain.model.traffic.TrafficRepository;
import io.meridian.domain.model.traffic.TrafficWindow;
import io.meridian.infrastructure.TimeSource;
import io.meridian.shared.traffic.ApiTrafficReport;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultTrafficService implements TrafficService {

  private static final Logger LOG = Logger.getLogger(DefaultTrafficService.class.getName());

  @Inject TrafficRepository traffic;
  @Inject ApiRepository apis;
  @Inject TimeSource time;

  @Inject
  @ConfigProperty(name = "meridian.traffic.retention-days", defaultValue = "7")
  int retentionDays;

  @Override
  public void record(ApiTrafficReport report) {
    OffsetDateTime now = time.now();
    Map<String, Boolean> known = new HashMap<>();
    for (ApiTrafficReport.Entry e : report.entries()) {
      if (!known.computeIfAbsent(e.apiId(), id -> apis.find(id).isPresent())) {
        // Deleted since the node counted it (or never the master's): nothing to chart it in.
        LOG.fine(() -> "Dropping traffic of unknown API " + e.apiId() + " from " + report.node());
        continue;
      }
      traffic
          .minute(
              e.apiId(), e.minute().atOffset(ZoneOffset.UTC), report.datacenter(), report.node())
          .report(e.requests(), e.clientErrors(), e.serverErrors(), e.p95Millis(), now);
    }
  }

  @Override
  public List<DatacenterMinute> perMinute(String apiId, OffsetDateTime from, OffsetDateTime to) {
    return traffic.perDatacenter(apiId, from, to);
  }

  @Override
  public TrafficWindow recent(String apiId, int minutes) {
    if (minutes < 1 || minutes > TrafficWindow.MAX_MINUTES) {
      throw DomainException.invalid(
          "invalid_minutes", "minutes must be between 1 and " + TrafficWindow.MAX_MINUTES);
    }
    if (apis.find(apiId).isEmpty()) {
      throw DomainException.notFound("api_not_found", "No API with id " + apiId);
    }
    OffsetDateTime to = time.now().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    OffsetDateTime from = to.minusMinutes(minutes);
    return new TrafficWindow(apiId, from, to, perMinute(apiId, from, to));
  }

  @Override
  public int deleteExpired() {
    return traffic.deleteBefore(time.now().minusDays(retentionDays));
  }
}
