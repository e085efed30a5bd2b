package io.meridian.interfaces.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses, with 403, any state-changing request to a page that does not carry its session's {@link
 * CsrfToken}. Every form of both web modules posts the token; the REST API and OAuth2 endpoints are
 * not cookie-authenticated and are left alone.
 */
public class CsrfFilter extends HttpFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SAFE.contains(request.getMethod())
        || !BrowserSession.isPage(request)
        || CsrfToken.matches(request)) {
      chain.doFilter(request, response);
      return;
    }
    ErrorPage.write(
        response,
        HttpServletResponse.SC_FORBIDDEN,
        "Form refused",
        "This form was not sent by this page, or your session has expired. Go back, reload the"
            + " page and try again.");
  }
}
