package io.meridian.interfaces.store.rest;

import io.meridian.application.ApplicationService;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import io.meridian.interfaces.common.SubscriptionView;
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
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A developer's own applications, their subscriptions and their OAuth keys. */
@Path("applications")
@RequestScoped
@RolesAllowed({Role.SUBSCRIBER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

  @Inject ApplicationService applications;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /**
   * The body of creating or replacing an application. {@code tier} is the throttling policy of all
   * its calls together; left out, it is Unlimited.
   */
  public record ApplicationRequest(String name, String description, String tier) {}

  public record ApplicationView(
      String id,
      String name,
      String description,
      String tier,
      String owner,
      OffsetDateTime createdAt) {
    public static ApplicationView of(Application a) {
      return new ApplicationView(
          a.id(), a.name(), a.description(), a.tier(), a.owner(), a.createdAt());
    }
  }

  public record SubscribeRequest(String apiId, String tier) {}

  public record KeysRequest(List<String> grantTypes) {}

  /** Keys as listed later: the secret is never shown again after it was generated. */
  public record KeysView(
      String consumerKey,
      String consumerSecret,
      List<String> grantTypes,
      OffsetDateTime secretRotatedAt) {
    public static KeysView of(OAuthClient c, String secret) {
      return new KeysView(
          c.consumerKey(),
          secret,
          c.grantTypes().stream().map(GrantType::protocolName).sorted().toList(),
          c.secretRotatedAt());
    }

    @Override
    public String toString() {
      return "KeysView[consumerKey=" + consumerKey + "]";
    }
  }

  private String me() {
    return Caller.name(security);
  }

  @GET
  public List<ApplicationView> list() {
    return applications.list(me()).stream().map(ApplicationView::of).toList();
  }

  @POST
  public Response create(ApplicationRequest body) {
    Bodies.required(body);
    ApplicationView app =
        ApplicationView.of(applications.create(me(), body.name(), body.description(), body.tier()));
    return Response.created(uri.getAbsolutePathBuilder().path(app.id()).build())
        .entity(app)
        .build();
  }

  @GET
  @Path("{id}")
  public ApplicationView get(@PathParam("id") String id) {
    return ApplicationView.of(applications.get(me(), id));
  }

  @PUT
  @Path("{id}")
  public ApplicationView update(@PathParam("id") String id, ApplicationRequest body) {
    Bodies.required(body);
    return ApplicationView.of(
        applications.update(me(), id, body.name(), body.description(), body.tier()));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    applications.delete(me(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/subscriptions")
  public List<SubscriptionView> subscriptions(@PathParam("id") String id) {
    return applications.subscriptions(me(), id).stream().map(SubscriptionView::of).toList();
  }

  @POST
  @Path("{id}/subscriptions")
  public Response subscribe(@PathParam("id") String id, SubscribeRequest body) {
    Bodies.required(body);
    SubscriptionView s =
        SubscriptionView.of(applications.subscribe(me(), id, body.apiId(), body.tier()));
    return Response.created(uri.getAbsolutePathBuilder().path(s.id()).build()).entity(s).build();
  }

  @DELETE
  @Path("{id}/subscriptions/{subscriptionId}")
  public SubscriptionView unsubscribe(
      @PathParam("id") String id, @PathParam("subscriptionId") String subscriptionId) {
    return SubscriptionView.of(applications.unsubscribe(me(), id, subscriptionId));
  }

  @GET
  @Path("{id}/keys")
  public KeysView keys(@PathParam("id") String id) {
    return KeysView.of(applications.keys(me(), id), null);
  }

  @POST
  @Path("{id}/keys")
  public Response generateKeys(@PathParam("id") String id, KeysRequest body) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    if (body != null && body.grantTypes() != null) {
      body.grantTypes().forEach(g -> grants.add(GrantType.parse(g)));
    }
    OAuthClient.Issued issued = applications.generateKeys(me(), id, grants);
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(KeysView.of(issued.client(), issued.secret()))
        .build();
  }

  @POST
  @Path("{id}/keys/secret")
  public Response regenerateSecret(@PathParam("id") String id) {
    OAuthClient.Issued issued = applications.regenerateSecret(me(), id);
    return Response.ok(KeysView.of(issued.client(), issued.secret()))
        .header("Cache-Control", "no-store")
        .build();
  }
}
