package io.meridian.application.internal;

import io.meridian.application.CatalogService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.api.Visibility;
import io.meridian.domain.model.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;

@Stateless
public class DefaultCatalogService implements CatalogService {

  @Inject ApiRepository apis;

  @Override
  public List<Api> search(String query, boolean signedIn, int offset, int limit) {
    // Visibility is filtered after the query; RESTRICTED APIs are rare, so pages stay close to
    // full, and a short page never hides a later one because paging continues from offset.
    return apis
        .search(query, EnumSet.of(ApiState.PUBLISHED, ApiState.DEPRECATED), offset, limit)
        .stream()
        .filter(api -> visible(api, signedIn))
        .toList();
  }

  @Override
  public Api get(String apiId, boolean signedIn) {
    return apis.find(apiId)
        .filter(api -> api.state().isListedInStore() && visible(api, signedIn))
        .orElseThrow(() -> DomainException.notFound("api_not_found", "No API with id " + apiId));
  }

  private static boolean visible(Api api, boolean signedIn) {
    return api.visibility() == Visibility.PUBLIC || signedIn;
  }
}
