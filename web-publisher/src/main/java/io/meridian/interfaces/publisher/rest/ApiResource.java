package io.meridian.interfaces.publisher.rest;

import io.meridian.application.ApiService;
import io.meridian.application.DeploymentService;
import io.meridian.application.TrafficService;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import io.meridian.interfaces.common.Enums;
import io.meridian.interfaces.common.Page;
import io.meridian.interfaces.common.SubscriptionView;
import io.meridian.shared.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * APIs: definition, lifecycle, revisions, audit trail, where they run, their traffic and the
 * subscriptions to them.
 */
@Path("apis")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiResource {

  @Inject ApiService apis;
  @Inject DeploymentService deployments;
  @Inject TrafficService traffic;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /** Body of a lifecycle change: the state the API should move to. */
  public record LifecycleRequest(String state) {}

  public record RevisionView(
      int number,
      String sha256,
      String createdBy,
      OffsetDateTime createdAt,
      JsonObject definition) {

    static RevisionView of(ApiRevision r, boolean withDefinition) {
      JsonObject definition = null;
      if (withDefinition) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(r.definition()))) {
          definition = reader.readObject();
        }
      }
      return new RevisionView(r.number(), r.sha256(), r.createdBy(), r.createdAt(), definition);
    }
  }

  public record AuditView(String action, String actor, OffsetDateTime at, String detail) {}

  @GET
  public List<ApiView> search(
      @QueryParam("query") String query,
      @QueryParam("state") String state,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    Page page = Page.of(offset, limit);
    Set<ApiState> states =
        state == null || state.isBlank()
            ? EnumSet.noneOf(ApiState.class)
            : EnumSet.of(Enums.parse(ApiState.class, state, "state"));
    return apis.search(query, states, page.offset(), page.limit()).stream()
        .map(ApiAssembler::toView)
        .toList();
  }

  @POST
  public Response create(ApiRequest body) {
    ApiView api =
        ApiAssembler.toView(
            apis.create(ApiAssembler.toSpec(Bodies.required(body)), Caller.name(security)));
    return Response.created(uri.getAbsolutePathBuilder().path(api.id()).build())
        .entity(api)
        .build();
  }

  @GET
  @Path("{id}")
  public ApiView get(@PathParam("id") String id) {
    return ApiAssembler.toView(apis.get(id));
  }

  @PUT
  @Path("{id}")
  public ApiView update(@PathParam("id") String id, ApiRequest body) {
    return ApiAssembler.toView(
        apis.update(id, ApiAssembler.toSpec(Bodies.required(body)), Caller.name(security)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    apis.delete(id, Caller.name(security));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/lifecycle")
  public ApiView transition(@PathParam("id") String id, LifecycleRequest body) {
    ApiState target = Enums.parse(ApiState.class, Bodies.required(body).state(), "state");
    return ApiAssembler.toView(apis.transition(id, target, Caller.name(security)));
  }

  @GET
  @Path("{id}/revisions")
  public List<RevisionView> revisions(@PathParam("id") String id) {
    return apis.revisions(id).stream().map(r -> RevisionView.of(r, false)).toList();
  }

  @GET
  @Path("{id}/revisions/{number}")
  public RevisionView revision(@PathParam("id") String id, @PathParam("number") int number) {
    return RevisionView.of(apis.revision(id, number), true);
  }

  /**
   * Puts an earlier revision back in service everywhere: it is published again as a new revision
   * (no body). 409 {@code revision_in_service} when it is what is live already.
   */
  @POST
  @Path("{id}/revisions/{number}/rollback")
  public ApiView rollBack(@PathParam("id") String id, @PathParam("number") int number) {
    return ApiAssembler.toView(apis.rollBack(id, number, Caller.name(security)));
  }

  @GET
  @Path("{id}/audit")
  public List<AuditView> audit(@PathParam("id") String id) {
    return apis.audit(id).stream()
        .map(e -> new AuditView(e.action(), e.actor(), e.at(), e.detail()))
        .toList();
  }

  /** The artifact published for this API and what each datacenter's gateways serve. */
  @GET
  @Path("{id}/deployments")
  public DeploymentResource.ApiDeploymentsView deployments(@PathParam("id") String id) {
    apis.get(id); // 404 for an unknown API
    return DeploymentResource.ofApi(deployments, id);
  }

  /**
   * Requests, 4xx, 5xx and p95 latency per datacenter and per minute over the last {@code minutes}
   * (1 to 1440, default 60; the current minute included), as the gateways reported them.
   */
  @GET
  @Path("{id}/traffic")
  public TrafficView traffic(@PathParam("id") String id, @QueryParam("minutes") String minutes) {
    return TrafficView.of(traffic.recent(id, TrafficView.minutes(minutes)));
  }

  @GET
  @Path("{id}/subscriptions")
  public List<SubscriptionView> subscriptions(@PathParam("id") String id) {
    return apis.subscriptions(id).stream().map(SubscriptionView::of).toList();
  }

  @POST
  @Path("{id}/subscriptions/{subscriptionId}/block")
  public SubscriptionView block(
      @PathParam("id") String id, @PathParam("subscriptionId") String subscriptionId) {
    return SubscriptionView.of(apis.blockSubscription(id, subscriptionId, Caller.name(security)));
  }

  @POST
  @Path("{id}/subscriptions/{subscriptionId}/unblock")
  public SubscriptionView unblock(
      @PathParam("id") String id, @PathParam("subscriptionId") String subscriptionId) {
    return SubscriptionView.of(apis.unblockSubscription(id, subscriptionId, Caller.name(security)));
  }
}
