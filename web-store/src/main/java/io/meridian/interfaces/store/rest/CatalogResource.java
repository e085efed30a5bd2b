package io.meridian.interfaces.store.rest;

import io.meridian.application.CatalogService;
import io.meridian.application.OpenApiService;
import io.meridian.application.ThrottlingPolicyService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.OpenApiDocument;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.Caller;
import io.meridian.interfaces.common.OperationView;
import io.meridian.interfaces.common.Page;
import io.meridian.interfaces.common.TierView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Published APIs, open to everyone; RESTRICTED ones only to signed-in developers. Backend endpoints
 * are never shown to consumers.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  @Inject CatalogService catalog;
  @Inject ThrottlingPolicyService policies;
  @Inject OpenApiService openApi;
  @Context SecurityContext security;

  public record CatalogApiView(
      String id,
      String name,
      String context,
      String version,
      boolean defaultVersion,
      String description,
      List<String> tags,
      String state,
      String tier,
      List<OperationView> operations) {
    public static CatalogApiView of(Api a) {
      return new CatalogApiView(
          a.id(),
          a.name(),
          a.context(),
          a.version(),
          a.isDefaultVersion(),
          a.description(),
          a.tags(),
          a.state().name(),
          a.tier(),
          a.operations().stream().map(OperationView::of).toList());
    }
  }

  @GET
  @Path("apis")
  public List<CatalogApiView> search(
      @QueryParam("query") String query,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Page page = Page.of(offset, limit);
    return catalog.search(query, Caller.isSignedIn(security), page.offset(), page.limit()).stream()
        .map(CatalogApiView::of)
        .toList();
  }

  @GET
  @Path("apis/{id}")
  public CatalogApiView get(@PathParam("id") String id) {
    return CatalogApiView.of(catalog.get(id, Caller.isSignedIn(security)));
  }

  /**
   * The OpenAPI document the API was imported from, as its publisher gave it (JSON or YAML, said by
   * the content type): the documentation the portal renders. 404 {@code openapi_document_not_found}
   * when the API was defined field by field.
   */
  @GET
  @Path("apis/{id}/openapi")
  @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
  public Response openApiDocument(@PathParam("id") String id) {
    OpenApiDocument document =
        openApi
            .document(id, Caller.isSignedIn(security))
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "openapi_document_not_found",
                        "API " + id + " was not imported from an OpenAPI document"));
    return Response.ok(document.text())
        .type(document.isJson() ? MediaType.APPLICATION_JSON : "application/yaml")
        .build();
  }

  /** The throttling policies developers can choose for subscriptions and applications. */
  @GET
  @Path("tiers")
  public List<TierView> tiers() {
    return policies.list().stream().map(TierView::of).toList();
  }
}
