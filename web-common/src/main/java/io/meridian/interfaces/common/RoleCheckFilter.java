package io.meridian.interfaces.common;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed} on resource methods (or their class): 401 with a Basic challenge
 * when nobody is signed in, 403 when the caller lacks every listed role. Methods without an
 * annotation and {@code @PermitAll} methods are open.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheckFilter implements ContainerRequestFilter {

  public static final String CHALLENGE = "Basic realm=\"meridian\"";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed == null) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(unauthenticated());
      return;
    }
    for (String role : allowed.value()) {
      if (security.isUserInRole(role)) {
        return;
      }
    }
    request.abortWith(
        Problem.response(
            Status.FORBIDDEN,
            "forbidden",
            "This needs one of the roles " + String.join(", ", allowed.value())));
  }

  public static Response unauthenticated() {
    return Response.fromResponse(
            Problem.response(
                Status.UNAUTHORIZED,
                "unauthenticated",
                "Sign in with HTTP Basic credentials to use this resource"))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .build();
  }
}
