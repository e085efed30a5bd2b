package io.meridian.interfaces.publisher.rest;

import io.meridian.application.OpenApiService;
import io.meridian.domain.model.api.OpenApiDocument;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * Creates an API from an OpenAPI 3 document sent as the body (JSON or YAML, at most 2 MiB). A root
 * of its own: under {@code apis/{id}} the word would read as an API id.
 */
@Path("apis/openapi")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiImportResource {

  @Inject OpenApiService openApi;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /**
   * 201 with the new API. {@code context} and {@code endpoint} override what the document says; 400
   * {@code invalid_openapi} names what stands in the way, {@code document_too_large} past 2 MiB.
   */
  @POST
  @Consumes({
    MediaType.APPLICATION_JSON,
    OpenApiMediaTypes.YAML,
    "application/x-yaml",
    "text/yaml",
    MediaType.TEXT_PLAIN
  })
  public Response importNew(
      @QueryParam("context") String context,
      @QueryParam("endpoint") String endpoint,
      InputStream body) {
    String document = Bodies.text(body, OpenApiDocument.MAX_BYTES, OpenApiDocument::tooLarge);
    ApiView api =
        ApiAssembler.toView(openApi.importNew(document, context, endpoint, Caller.name(security)));
    return Response.created(uri.getBaseUriBuilder().path(ApiResource.class).path(api.id()).build())
        .entity(api)
        .build();
  }
}
