package io.meridian.interfaces.oauth2;

import io.meridian.application.ClientCredentials;
import io.meridian.application.OAuthError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a client's credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded id and secret) or
 * from the {@code client_id} and {@code client_secret} parameters; using both is refused.
 */
final class ClientAuthentication {

  private ClientAuthentication() {}

  static ClientCredentials read(String authorization, String formId, String formSecret) {
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean form = formId != null || formSecret != null;
    if (basic && form) {
      throw OAuthError.invalidRequest("Authenticate the client with one method only");
    }
    if (basic) {
      try {
        String pair =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
          throw OAuthError.invalidClient();
        }
        return new ClientCredentials(
            URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw OAuthError.invalidClient();
      }
    }
    if (formId == null) {
      throw OAuthError.invalidClient();
    }
    return new ClientCredentials(formId, formSecret);
  }
}
