package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: unwraps container exceptions to find a known cause; anything else is a 500 whose
 * body carries only a reference to the log entry, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        return new DomainExceptionMapper().toResponse(d);
      }
      if (c instanceof WebApplicationException w) {
        return new WebApplicationExceptionMapper().toResponse(w);
      }
      if (c instanceof OptimisticLockException) {
        return Problem.response(
            Status.CONFLICT,
            "concurrent_modification",
            "Someone else changed this object at the same time; read it again and retry");
      }
      if (c instanceof EJBException && c.getCause() == null) {
        break;
      }
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
    return Problem.response(
        Status.INTERNAL_SERVER_ERROR,
        "internal_error",
        "Unexpected server error; the log has details under reference " + reference);
  }
}
