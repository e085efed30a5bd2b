package io.meridian.interfaces.publisher.security;

import io.meridian.application.TokenService;
import io.meridian.interfaces.common.AuthenticationRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signs in the caller of a bearer access token through MicroProfile JWT: Payara's MP-JWT mechanism
 * verifies it (signature against the key manager's JWKS, {@code iss}, {@code aud}, {@code exp}) and
 * its identity store turns {@code upn} into the caller and {@code groups} into the roles. Meridian
 * adds what MP-JWT does not know: the RFC 9068 token type, and revocation. A token that fails any
 * of it is refused with 401 {@code invalid_token}; the token itself is never logged.
 */
@ApplicationScoped
public class BearerTokenAuthentication {

  /** The mechanism bean Payara adds for {@code @LoginConfig(authMethod = "MP-JWT")}. */
  static final String MP_JWT_MECHANISM =
      "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

  static final String CHALLENGE = "Bearer realm=\"meridian\", error=\"invalid_token\"";

  private static final Logger LOG = Logger.getLogger(BearerTokenAuthentication.class.getName());
  private static final String BEARER = "bearer ";

  @Inject BeanManager beans;
  @Inject TokenService tokens;

  private volatile HttpAuthenticationMechanism mpJwt;

  /** The token of an {@code Authorization: Bearer} header (the scheme in any case), or null. */
  static String token(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return authorization.substring(BEARER.length()).trim();
  }

  AuthenticationStatus validate(
      String token,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (!AccessTokenHeader.isAccessToken(token)) {
      return refuse(response, "The bearer token is not a Meridian access token");
    }
    HttpAuthenticationMechanism verifier = mpJwt();
    if (verifier == null) {
      return refuse(response, "Bearer tokens are not accepted here");
    }
    VerifiedLogin login = new VerifiedLogin(context);
    try {
      verifier.validateRequest(new NormalizedBearer(request, token), response, login);
    } catch (Exception e) {
      // Payara's messages name the failed check, never the token.
      LOG.fine(() -> "Bearer token verification failed: " + e.getClass().getName());
    }
    if (login.status == null) {
      return refuse(response, "The bearer token is invalid, expired or not issued by Meridian");
    }
    return login.status;
  }

  private static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
    AuthenticationRefusal.write(response, CHALLENGE, "invalid_token", detail);
    return AuthenticationStatus.SEND_FAILURE;
  }

  private HttpAuthenticationMechanism mpJwt() {
    HttpAuthenticationMechanism found = mpJwt;
    if (found == null) {
      for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class)) {
        if (bean.getTypes().stream().anyMatch(BearerTokenAuthentication::isMpJwtMechanism)) {
          found =
              (HttpAuthenticationMechanism)
                  beans.getReference(
                      bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
          mpJwt = found;
          break;
        }
      }
      if (found == null) {
        LOG.warning(
            "MicroProfile JWT's mechanism is missing: is @LoginConfig(authMethod = \"MP-JWT\")"
                + " on the publisher's JAX-RS application?");
      }
    }
    return found;
  }

  private static boolean isMpJwtMechanism(Type type) {
    return type instanceof Class<?> c && c.getName().equals(MP_JWT_MECHANISM);
  }

  /**
   * The message context MP-JWT's mechanism sees: the request counts as protected (the mechanism
   * only looks at tokens for protected resources, and the publisher checks roles in JAX-RS instead
   * of web.xml constraints), and only a valid, unrevoked token reaches the container; anything else
   * is left for {@link #validate} to refuse in Meridian's problem shape.
   */
  private final class VerifiedLogin extends HttpMessageContextWrapper {

    AuthenticationStatus status;

    VerifiedLogin(HttpMessageContext context) {
      super(context);
    }

    @Override
    public boolean isProtected() {
      return true;
    }

    /** MP-JWT's answer to an invalid token; the 401 is written by {@link #validate} instead. */
    @Override
    public AuthenticationStatus responseUnauthorized() {
      return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
      if (result.getStatus() != CredentialValidationResult.Status.VALID
          || (result.getCallerPrincipal() instanceof JsonWebToken jwt
              && tokens.isRevoked(jwt.getTokenID()))) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      status = super.notifyContainerAboutLogin(result);
      return status;
    }
  }

  /** MP-JWT's mechanism wants the scheme spelled {@code Bearer}; RFC 7235 allows any case. */
  private static final class NormalizedBearer extends HttpServletRequestWrapper {

    private final String authorization;

    NormalizedBearer(HttpServletRequest request, String token) {
      super(request);
      this.authorization = "Bearer " + token;
    }

    @Override
    public String getHeader(String name) {
      return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }
  }
}
