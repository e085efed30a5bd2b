package io.meridian.interfaces.common;

import io.meridian.application.UserService;
import io.meridian.interfaces.common.web.BrowserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates users who send HTTP Basic credentials, through the application's identity store.
 * Requests without credentials pass anonymously (resources decide with {@link RoleCheckFilter});
 * wrong credentials are refused with 401 at once. A page request without credentials is the user of
 * its browser session, if signed in ({@link BrowserSession}); an API call never is. Paths under
 * {@code /oauth2/} are left alone: there, Basic credentials are an OAuth client's, checked by the
 * key manager.
 *
 * <p>The store's web.xml names this class as its mechanism ({@code
 * fish.payara.security.mechanism}): the EAR also holds MicroProfile JWT's mechanism (for the
 * publisher), so "the" mechanism of a module is chosen by name, not by type.
 */
@ApplicationScoped
public class UserAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final String BASIC = "basic ";

  @Inject IdentityStoreHandler identityStores;
  @Inject UserService users;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/")) {
      return context.doNothing();
    }
    String header = request.getHeader("Authorization");
    if (header == null && BrowserSession.isPage(request)) {
      return BrowserSession.user(request)
          .flatMap(
              signedIn -> BrowserSession.refresh(request, signedIn, users.find(signedIn.name())))
          .map(user -> context.notifyContainerAboutLogin(user.name(), user.groups()))
          .orElseGet(context::doNothing);
    }
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return context.doNothing();
    }
    UsernamePasswordCredential credential = decode(header.substring(BASIC.length()).trim());
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
    }
    refuse(response);
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static UsernamePasswordCredential decode(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response) {
    AuthenticationRefusal.write(
        response, RoleCheckFilter.CHALLENGE, "invalid_credentials", "Wrong username or password");
  }
}
