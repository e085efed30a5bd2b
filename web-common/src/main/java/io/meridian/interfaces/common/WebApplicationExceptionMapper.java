package io.meridian.interfaces.common;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type, an
 * unreadable body) the same problem shape as everything else.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status == 400 && hasCause(e, NoContentException.class)) {
      return new DomainExceptionMapper().toResponse(Bodies.missing());
    }
    if (status == 401) {
      return RoleCheckFilter.unauthenticated();
    }
    if (status == 400 && hasCause(e, JsonbException.class)) {
      return JsonExceptionMapper.malformed();
    }
    Status known = Status.fromStatusCode(status);
    Response.Status s = known == null ? Status.INTERNAL_SERVER_ERROR : known;
    String code =
        switch (status) {
          case 400 -> "bad_request";
          case 403 -> "forbidden";
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 406 -> "not_acceptable";
          case 415 -> "unsupported_media_type";
          default -> "http_" + status;
        };
    String detail =
        switch (status) {
          case 403 -> "Your roles do not allow this";
          case 404 -> "No resource at this path";
          case 405 -> "This resource does not support that HTTP method";
          case 406 -> "This resource only produces application/json";
          case 415 -> "Send the request body as application/json";
          default -> s.getReasonPhrase();
        };
    Response problem = Problem.response(s, code, detail);
    if (e.getResponse().getHeaders().containsKey("Allow")) {
      return Response.fromResponse(problem)
          .header("Allow", e.getResponse().getHeaderString("Allow"))
          .build();
    }
    return problem;
  }

  static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
