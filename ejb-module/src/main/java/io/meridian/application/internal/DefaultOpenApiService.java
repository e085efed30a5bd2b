package io.meridian.application.internal;

import io.meridian.application.ApiDocumentation;
import io.meridian.application.ApiService;
import io.meridian.application.CatalogService;
import io.meridian.application.OpenApiService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ImportedDefinition;
import io.meridian.domain.model.api.OpenApiDocument;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.openapi.OpenApiDocumentation;
import io.meridian.infrastructure.openapi.OpenApiExport;
import io.meridian.infrastructure.openapi.OpenApiImport;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Imports run through {@link ApiService} in this bean's transaction, so the API and its kept
 * document are stored together or not at all; like the other services it leaves role checks to the
 * resources and pages that call it.
 */
@Stateless
public class DefaultOpenApiService implements OpenApiService {

  private static final String API = "api";

  @Inject ApiService apis;
  @Inject CatalogService catalog;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;

  @Override
  public Api importNew(String document, String context, String endpointUrl, String actor) {
    OpenApiDocument doc = new OpenApiDocument(document);
    ApiSpec spec = OpenApiImport.read(doc.text()).newSpec(context, endpointUrl);
    Api api = apis.create(spec, actor);
    keep(api, doc, actor);
    return api;
  }

  @Override
  public Api reimport(String apiId, String document, String actor) {
    OpenApiDocument doc = new OpenApiDocument(document);
    ImportedDefinition imported = OpenApiImport.read(doc.text());
    Api api = apis.update(apiId, imported.replacing(apis.get(apiId)), actor);
    keep(api, doc, actor);
    return api;
  }

  private void keep(Api api, OpenApiDocument doc, String actor) {
    api.keepOpenApiDocument(doc, time.now());
    changes.audit(API, api.id(), "openapi-imported", actor, doc.text().length() + " characters");
  }

  @Override
  public String export(String apiId, boolean yaml) {
    return OpenApiExport.write(apis.get(apiId), yaml);
  }

  @Override
  public Optional<OpenApiDocument> document(String apiId, boolean signedIn) {
    return catalog.get(apiId, signedIn).openApiDocument();
  }

  @Override
  public Optional<ApiDocumentation> documentation(String apiId, boolean signedIn) {
    return document(apiId, signedIn).map(d -> OpenApiDocumentation.of(d.text()));
  }
}
