package io.meridian.interfaces.publisher.web;

import io.meridian.application.TrafficService;
import io.meridian.interfaces.common.web.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * An API's traffic in the last hour, per datacenter: shown on the API page and refreshed from
 * {@code traffic.xhtml} every few seconds (request scoped: polling keeps no view state).
 */
@Named("traffic")
@RequestScoped
public class TrafficFragment {

  static final int MINUTES = 60;

  @Inject TrafficService traffic;

  private String id;
  private List<TrafficChart> charts;

  /** The API page names its API in the query string too: read it there when no view set it. */
  @PostConstruct
  void readId() {
    id = Pages.request().getParameter("id");
  }

  public List<TrafficChart> getCharts() {
    if (charts == null) {
      charts =
          id == null || id.isBlank() ? List.of() : TrafficChart.of(traffic.recent(id, MINUTES));
    }
    return charts;
  }

  public int getMinutes() {
    return MINUTES;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
