package io.meridian.interfaces.publisher.rest;

import io.meridian.application.UserService;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import io.meridian.interfaces.common.Enums;
import io.meridian.interfaces.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Users: who is signed in, and administrators creating publishers and other users. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject UserService users;
  @Context SecurityContext security;

  public record UserRequest(String username, String password, String email, List<String> roles) {
    @Override
    public String toString() {
      return "UserRequest[username=" + username + "]";
    }
  }

  public record UserView(String username, String email, List<String> roles, boolean enabled) {
    public static UserView of(User u) {
      return new UserView(
          u.username(),
          u.email(),
          u.roles().stream().map(Role::name).sorted().toList(),
          u.isEnabled());
    }
  }

  /** The body of replacing a user's roles. */
  public record RolesRequest(List<String> roles) {}

  @GET
  @Path("me")
  @RolesAllowed({Role.PUBLISHER, Role.ADMIN})
  public UserView me() {
    return UserView.of(users.get(Caller.name(security)));
  }

  @GET
  @Path("users")
  @RolesAllowed(Role.ADMIN)
  public List<UserView> list(
      @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
    Page page = Page.of(offset, limit);
    return users.list(page.offset(), page.limit()).stream().map(UserView::of).toList();
  }

  @POST
  @Path("users/{username}/disable")
  @RolesAllowed(Role.ADMIN)
  public UserView disable(@PathParam("username") String username) {
    return UserView.of(users.disable(username, Caller.name(security)));
  }

  @POST
  @Path("users/{username}/enable")
  @RolesAllowed(Role.ADMIN)
  public UserView enable(@PathParam("username") String username) {
    return UserView.of(users.enable(username, Caller.name(security)));
  }

  @PUT
  @Path("users/{username}/roles")
  @RolesAllowed(Role.ADMIN)
  public UserView changeRoles(@PathParam("username") String username, RolesRequest body) {
    Bodies.required(body);
    return UserView.of(users.changeRoles(username, roles(body.roles()), Caller.name(security)));
  }

  /** Role names as sent; an unknown one is a 400 naming the field. */
  public static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      names.forEach(r -> roles.add(Enums.parse(Role.class, r, "roles")));
    }
    return roles;
  }

  @POST
  @Path("users")
  @RolesAllowed(Role.ADMIN)
  public Response create(UserRequest body) {
    Bodies.required(body);
    Set<Role> roles = roles(body.roles());
    User user =
        users.create(body.username(), body.password(), body.email(), roles, Caller.name(security));
    return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
  }
}
