package io.meridian.gateway.token;

/** The outcome of checking a bearer token. */
public sealed interface TokenVerification {

  record Valid(VerifiedToken token) implements TokenVerification {}

  /** Refused; {@code reason} is safe to show the client and never contains the token. */
  record Invalid(String reason) implements TokenVerification {}
}
