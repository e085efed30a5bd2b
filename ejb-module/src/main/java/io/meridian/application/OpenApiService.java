package io.meridian.application;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.OpenApiDocument;
import java.util.Optional;

/**
 * APIs described by OpenAPI 3 documents: create or redefine an API from one, keep it with the API,
 * and describe an API as one. Imports go through {@link ApiService}, so they are validated, audited
 * and published like any other definition.
 */
public interface OpenApiService {

  /**
   * Creates an API from {@code document} (JSON or YAML, at most 2 MiB) and keeps the document.
   *
   * @param context the API's context; null: the document's {@code x-meridian-context}, else derived
   *     from its title
   * @param endpointUrl the production endpoint; null: the document's first server, which must then
   *     be an absolute URL
   */
  Api importNew(String document, String context, String endpointUrl, String actor);

  /**
   * Redefines an API from a new version of its document: name, description, tags and operations
   * change; context, endpoints, cross-origin rules, tier and staleness rule stay. A document of
   * another version is refused ({@code openapi_version_mismatch}): import it as a new API.
   */
  Api reimport(String apiId, String document, String actor);

  /** The API as an OpenAPI 3.0.3 document, YAML when {@code yaml}, else JSON. */
  String export(String apiId, boolean yaml);

  /**
   * The document a store-listed API was imported from, if the caller may see the API (404 {@code
   * api_not_found} otherwise, as the catalog answers).
   */
  Optional<OpenApiDocument> document(String apiId, boolean signedIn);

  /**
   * The documentation of a store-listed API, read from the document it was imported from, if it was
   * imported and the caller may see it.
   */
  Optional<ApiDocumentation> documentation(String apiId, boolean signedIn);
}
