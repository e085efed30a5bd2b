package io.meridian.application;

import jakarta.ejb.ApplicationException;

/**
 * An OAuth 2.0 error response (RFC 6749 §5.2, RFC 7009, RFC 7662): the error code, a description
 * for the developer and the HTTP status it is sent with.
 */
@ApplicationException(rollback = true)
public class OAuthError extends RuntimeException {

  private final String error;
  private final int status;

  public OAuthError(String error, String description, int status) {
    super(description);
    this.error = error;
    this.status = status;
  }

  public static OAuthError invalidRequest(String description) {
    return new OAuthError("invalid_request", description, 400);
  }

  public static OAuthError invalidClient() {
    return new OAuthError("invalid_client", "Client authentication failed", 401);
  }

  public static OAuthError invalidGrant(String description) {
    return new OAuthError("invalid_grant", description, 400);
  }

  public static OAuthError unauthorizedClient(String description) {
    return new OAuthError("unauthorized_client", description, 400);
  }

  public static OAuthError unsupportedGrantType(String grantType) {
    return new OAuthError(
        "unsupported_grant_type",
        "Grant type '"
            + grantType
            + "' is not supported;"
            + " use client_credentials, password or refresh_token",
        400);
  }

  public static OAuthError invalidScope(String description) {
    return new OAuthError("invalid_scope", description, 400);
  }

  public String error() {
    return error;
  }

  public int status() {
    return status;
  }
}
