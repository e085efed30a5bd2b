package io.meridian.interfaces.common;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not of the expected shape, is the client's mistake: 400. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    return malformed();
  }

  static Response malformed() {
    return Problem.response(
        Status.BAD_REQUEST,
        "malformed_json",
        "The request body is not valid JSON of the shape this resource expects");
  }
}
