package io.meridian.interfaces.oauth2;

import io.meridian.application.OAuthError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else on the OAuth endpoints in the OAuth error shape: a request the runtime could not
 * route or read is {@code invalid_request}; anything unexpected is a 500 {@code server_error} with
 * a log reference.
 */
@Provider
public class OAuthFallbackMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(OAuthFallbackMapper.class.getName());

  @Override
  public Response toResponse(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof OAuthError o) {
        return OAuthErrorMapper.render(o);
      }
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      int status = w.getResponse().getStatus();
      String detail =
          switch (status) {
            case 404 -> "No OAuth endpoint at this path";
            case 405 -> "Use POST for this endpoint";
            case 415 -> "Send parameters as application/x-www-form-urlencoded";
            default -> "The request is malformed";
          };
      return OAuthErrorMapper.render(new OAuthError("invalid_request", detail, status));
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error on an OAuth endpoint, reference " + reference, e);
    return OAuthErrorMapper.render(
        new OAuthError("server_error", "Unexpected server error, reference " + reference, 500));
  }
}
