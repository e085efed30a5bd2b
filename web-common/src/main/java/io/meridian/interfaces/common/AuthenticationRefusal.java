package io.meridian.interfaces.common;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * A 401 written by an authentication mechanism, before JAX-RS runs: the challenge and the problem
 * shape every other error has. Never echoes the credentials it refuses.
 */
public final class AuthenticationRefusal {

  private AuthenticationRefusal() {}

  public static void write(
      HttpServletResponse response, String challenge, String code, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", challenge);
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(Problem.of(Response.Status.UNAUTHORIZED, code, detail).toJson());
    } catch (IOException e) {
      // the client went away; nothing to tell it
    }
  }
}
