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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** An API as an OpenAPI 3 document: re-import a new edition of it, or export it. */
@Path("apis/{id}/openapi")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
public class OpenApiResource {

  @Inject OpenApiService openApi;
  @Context SecurityContext security;
  @Context HttpHeaders headers;

  /**
   * Redefines the API from the document; context, endpoints and policies stay. 409 {@code
   * openapi_version_mismatch} when the document is of another version.
   */
  @PUT
  @Consumes({
    MediaType.APPLICATION_JSON,
    OpenApiMediaTypes.YAML,
    "application/x-yaml",
    "text/yaml",
    MediaType.TEXT_PLAIN
  })
  @Produces(MediaType.APPLICATION_JSON)
  public ApiView reimport(@PathParam("id") String id, InputStream body) {
    String document = Bodies.text(body, OpenApiDocument.MAX_BYTES, OpenApiDocument::tooLarge);
    return ApiAssembler.toView(openApi.reimport(id, document, Caller.name(security)));
  }

  /** OpenAPI 3.0.3, JSON unless {@code ?format=yaml} or the client prefers application/yaml. */
  @GET
  @Produces({MediaType.APPLICATION_JSON, OpenApiMediaTypes.YAML})
  public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
    boolean yaml = OpenApiMediaTypes.wantsYaml(format, headers);
    return Response.ok(openApi.export(id, yaml))
        .type(yaml ? OpenApiMediaTypes.YAML : MediaType.APPLICATION_JSON)
        .build();
  }
}
