package io.meridian.interfaces.common.web;

import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user of a browser session. Signing in changes the session id (no fixation); signing
 * out ends the session. Only pages use it: REST and OAuth2 paths authenticate every request on its
 * own, so a session cookie never authorizes an API call.
 */
public final class BrowserSession {

  // Only JDK types in the session: both WARs bundle this class, each with its own class loader, and
  // a bean of one module may read a session the other wrote.
  static final String USER = "meridian.user";
  static final String GROUPS = "meridian.user.groups";

  private BrowserSession() {}

  public static Optional<SignedInUser> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object name = session.getAttribute(USER);
    Object groups = session.getAttribute(GROUPS);
    if (!(name instanceof String n) || !(groups instanceof String[] g)) {
      return Optional.empty();
    }
    return Optional.of(new SignedInUser(n, Set.of(g)));
  }

  public static void signIn(HttpServletRequest request, SignedInUser user) {
    request.getSession(true);
    request.changeSessionId();
    store(request.getSession(), user);
  }

  private static void store(HttpSession session, SignedInUser user) {
    session.setAttribute(USER, user.name());
    session.setAttribute(GROUPS, user.groups().toArray(String[]::new));
  }

  /**
   * The session's user as the account is now: its current roles, or nobody (and the session ended)
   * when the account is gone or disabled.
   */
  public static Optional<SignedInUser> refresh(
      HttpServletRequest request, SignedInUser signedIn, Optional<User> account) {
    if (account.isEmpty() || !account.get().isEnabled()) {
      signOut(request);
      return Optional.empty();
    }
    Set<String> groups =
        account.get().roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    if (groups.equals(signedIn.groups())) {
      return Optional.of(signedIn);
    }
    SignedInUser now = new SignedInUser(signedIn.name(), groups);
    store(request.getSession(), now);
    return Optional.of(now);
  }

  public static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /**
   * Whether a request is for a page (and may be authenticated by its session): everything but the
   * REST API and the OAuth2 endpoints.
   */
  public static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") && !path.startsWith("/oauth2/");
  }
}
