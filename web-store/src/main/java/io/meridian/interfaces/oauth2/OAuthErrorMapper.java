package io.meridian.interfaces.oauth2;

import io.meridian.application.OAuthError;
import io.meridian.shared.json.Jsons;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders errors exactly as RFC 6749 §5.2 describes them. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

  @Override
  public Response toResponse(OAuthError e) {
    return render(e);
  }

  static Response render(OAuthError e) {
    Response.ResponseBuilder r =
        Response.status(e.status())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("Pragma", "no-cache")
            .entity(
                Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("error", e.error())
                    .add("error_description", e.getMessage())
                    .build()
                    .toString());
    if (e.status() == 401) {
      r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"meridian\"");
    }
    return r.build();
  }
}
