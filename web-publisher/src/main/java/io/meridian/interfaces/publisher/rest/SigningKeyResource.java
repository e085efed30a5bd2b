package io.meridian.interfaces.publisher.rest;

import io.meridian.application.KeyService;
import io.meridian.domain.model.token.SigningKey;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;

/** Token signing keys: what is published, and rotation by an administrator. */
@Path("signing-keys")
@RequestScoped
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

  @Inject KeyService keys;
  @Context SecurityContext security;

  public record SigningKeyView(
      String kid,
      String algorithm,
      String state,
      OffsetDateTime createdAt,
      OffsetDateTime retiredAt) {
    public static SigningKeyView of(SigningKey k) {
      return new SigningKeyView(
          k.kid(), k.algorithm(), k.state().name(), k.createdAt(), k.retiredAt());
    }
  }

  @GET
  public List<SigningKeyView> published() {
    return keys.published().stream().map(SigningKeyView::of).toList();
  }

  @POST
  @Path("rotate")
  public SigningKeyView rotate() {
    return SigningKeyView.of(keys.rotate(Caller.name(security)));
  }
}
