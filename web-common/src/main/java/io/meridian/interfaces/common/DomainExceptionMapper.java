package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a broken business rule into its problem response. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return Problem.response(status(e.kind()), e.code(), e.getMessage());
  }

  static Status status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> Status.BAD_REQUEST;
      case NOT_FOUND -> Status.NOT_FOUND;
      case CONFLICT -> Status.CONFLICT;
      case FORBIDDEN -> Status.FORBIDDEN;
    };
  }
}
