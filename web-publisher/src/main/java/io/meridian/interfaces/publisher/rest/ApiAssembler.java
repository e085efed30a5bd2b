package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.Endpoint;
import io.meridian.domain.model.api.Visibility;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.Enums;
import io.meridian.interfaces.common.OperationView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts between publisher DTOs and the API aggregate. */
public final class ApiAssembler {

  private ApiAssembler() {}

  public static ApiSpec toSpec(ApiRequest r) {
    EndpointsView endpoints = r.endpoints() == null ? new EndpointsView(null, null) : r.endpoints();
    Map<String, Endpoint> overrides = new LinkedHashMap<>();
    if (endpoints.datacenters() != null) {
      endpoints.datacenters().forEach((dc, e) -> overrides.put(dc, endpoint(e, dc)));
    }
    List<OperationView> operations = r.operations();
    if (operations != null && operations.contains(null)) {
      throw DomainException.invalid("missing_field", "operations must not contain null");
    }
    return new ApiSpec(
        r.name(),
        r.context(),
        r.version(),
        Boolean.TRUE.equals(r.defaultVersion()),
        r.description(),
        r.tags(),
        r.visibility() == null ? null : Enums.parse(Visibility.class, r.visibility(), "visibility"),
        operations == null ? null : operations.stream().map(OperationView::toOperation).toList(),
        endpoints.production() == null
            ? null
            : endpoints.production().toEndpoint("endpoints.production"),
        overrides,
        r.cors() == null ? null : r.cors().toPolicy(),
        r.tier(),
        r.staleness() == null ? null : r.staleness().toPolicy());
  }

  private static Endpoint endpoint(EndpointView e, String dc) {
    if (e == null) {
      throw DomainException.invalid("missing_field", "endpoints.datacenters." + dc + " is empty");
    }
    return e.toEndpoint("endpoints.datacenters." + dc);
  }

  public static ApiView toView(Api api) {
    Map<String, EndpointView> overrides = new TreeMap<>();
    api.datacenterEndpoints().forEach((dc, e) -> overrides.put(dc, EndpointView.of(e)));
    return new ApiView(
        api.id(),
        api.name(),
        api.context(),
        api.version(),
        api.isDefaultVersion(),
        api.description(),
        api.tags(),
        api.visibility().name(),
        api.owner(),
        api.state().name(),
        api.tier(),
        api.operations().stream().map(OperationView::of).toList(),
        new EndpointsView(EndpointView.of(api.defaultEndpoint()), overrides),
        api.cors().map(CorsView::of).orElse(null),
        api.staleness().map(StalenessView::of).orElse(null),
        api.latestRevision(),
        api.hasUnpublishedChanges(),
        api.createdAt(),
        api.updatedAt());
  }
}
