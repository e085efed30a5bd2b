package io.meridian.interfaces.publisher.rest;

import io.meridian.application.ThrottlingPolicyService;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import io.meridian.interfaces.common.TierView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Throttling policies ("tiers"), which subscriptions, applications, APIs and operations use by
 * name: publishers read them, administrators define, change and delete them.
 */
@Path("tiers")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TierResource {

  @Inject ThrottlingPolicyService policies;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public List<TierView> tiers() {
    return policies.list().stream().map(TierView::of).toList();
  }

  @GET
  @Path("{name}")
  public TierView get(@PathParam("name") String name) {
    return TierView.of(policies.get(name));
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  public Response create(TierRequest body) {
    TierView tier =
        TierView.of(
            policies.create(TierAssembler.toSpec(Bodies.required(body)), Caller.name(security)));
    return Response.created(uri.getAbsolutePathBuilder().path(tier.name()).build())
        .entity(tier)
        .build();
  }

  @PUT
  @Path("{name}")
  @RolesAllowed(Role.ADMIN)
  public TierView update(@PathParam("name") String name, TierRequest body) {
    return TierView.of(
        policies.update(name, TierAssembler.toSpec(Bodies.required(body)), Caller.name(security)));
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.ADMIN)
  public Response delete(@PathParam("name") String name) {
    policies.delete(name, Caller.name(security));
    return Response.noContent().build();
  }
}
