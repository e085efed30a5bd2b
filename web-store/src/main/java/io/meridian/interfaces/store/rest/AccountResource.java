package io.meridian.interfaces.store.rest;

import io.meridian.application.UserService;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.interfaces.common.Bodies;
import io.meridian.interfaces.common.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Sign-up of developers, and sign-in: {@code GET /me} with Basic credentials answers who you are
 * (401 if the credentials are wrong).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject UserService users;
  @Context SecurityContext security;

  public record SignUpRequest(String username, String password, String email) {
    @Override
    public String toString() {
      return "SignUpRequest[username=" + username + "]";
    }
  }

  public record AccountView(String username, String email, List<String> roles) {
    static AccountView of(User u) {
      return new AccountView(
          u.username(), u.email(), u.roles().stream().map(Role::name).sorted().toList());
    }
  }

  @POST
  @Path("signup")
  public Response signUp(SignUpRequest body) {
    Bodies.required(body);
    User user = users.signUp(body.username(), body.password(), body.email());
    return Response.status(Response.Status.CREATED).entity(AccountView.of(user)).build();
  }

  @GET
  @Path("me")
  @RolesAllowed({Role.SUBSCRIBER, Role.PUBLISHER, Role.ADMIN})
  public AccountView me() {
    return AccountView.of(users.get(Caller.name(security)));
  }
}
