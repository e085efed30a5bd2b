package io.meridian.interfaces.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a browser that is not signed in to the sign-in page (with the page it wanted, to come back
 * to), and answers 403 to a signed-in user without the module's roles. Configured in each web
 * module's web.xml: {@code public-paths} (pages anyone may see; a path ending in {@code /} covers
 * everything under it), the context parameter {@value #ROLES_PARAMETER} (any of them lets a user
 * in; empty: any signed-in user) and {@code sign-in} (the sign-in page). The REST API and OAuth2
 * paths are left to their own checks.
 */
public class PageGuardFilter extends HttpFilter {

  private List<String> publicPaths;
  private Set<String> roles;
  private String signIn;

  @Override
  public void init(FilterConfig config) {
    publicPaths = split(config.getInitParameter("public-paths"));
    roles = moduleRoles(config.getServletContext().getInitParameter(ROLES_PARAMETER));
    signIn = config.getInitParameter("sign-in");
  }

  /** The context parameter naming the roles a module's pages need (comma separated). */
  static final String ROLES_PARAMETER = "meridian.ui.roles";

  /** The module's roles from {@link #ROLES_PARAMETER}'s value; empty: any signed-in user. */
  static Set<String> moduleRoles(String value) {
    return Set.copyOf(split(value));
  }

  private static List<String> split(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toList());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!BrowserSession.isPage(request) || isPublic(path)) {
      chain.doFilter(request, response);
      return;
    }
    var user = BrowserSession.user(request);
    if (user.isEmpty()) {
      String wanted =
          request.getQueryString() == null ? path : path + "?" + request.getQueryString();
      response.sendRedirect(
          request.getContextPath()
              + signIn
              + "?next="
              + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
      return;
    }
    if (!user.get().hasAnyRole(roles)) {
      ErrorPage.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Not for this account",
          "Your account does not have the role this part of Meridian needs ("
              + String.join(" or ", roles)
              + ").");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isPublic(String path) {
    if (path.isEmpty() || path.equals("/")) {
      return publicPaths.contains("/");
    }
    for (String p : publicPaths) {
      if (p.equals("/")) {
        continue; // the start page alone, handled above; not everything under it
      }
      if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where to go after signing in: a path inside this module only (never another site), else the
   * module's start page.
   */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return next;
  }
}
