package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.domain.model.api.ApiState;
import io.meridian.interfaces.publisher.rest.ApiAssembler;
import io.meridian.interfaces.publisher.rest.ApiView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** The start page: every API, searched by name, context or tag and filtered by state. */
@Named("apiList")
@RequestScoped
public class ApiListPage {

  static final int PAGE_SIZE = 200;

  @Inject ApiService apis;

  private String query;
  private String state;
  private List<ApiView> rows;

  public List<ApiView> getRows() {
    if (rows == null) {
      EnumSet<ApiState> states = EnumSet.noneOf(ApiState.class);
      if (state != null && !state.isBlank()) {
        Arrays.stream(ApiState.values())
            .filter(s -> s.name().equals(state))
            .findFirst()
            .ifPresent(states::add);
      }
      rows = apis.search(query, states, 0, PAGE_SIZE).stream().map(ApiAssembler::toView).toList();
    }
    return rows;
  }

  public ApiState[] getStates() {
    return ApiState.values();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
