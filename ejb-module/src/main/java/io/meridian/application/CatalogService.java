package io.meridian.application;

import io.meridian.domain.model.api.Api;
import java.util.List;

/** The store's view of APIs: what a developer, signed in or not, may see. */
public interface CatalogService {

  List<Api> search(String query, boolean signedIn, int offset, int limit);

  Api get(String apiId, boolean signedIn);
}
