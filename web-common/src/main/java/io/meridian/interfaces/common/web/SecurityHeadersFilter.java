package io.meridian.interfaces.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every page gets: scripts, styles and images only from Meridian itself (no CDN, no inline
 * script but the pages' own files), no framing, no MIME sniffing, no referrer to other sites, and
 * no caching of pages that show keys or secrets.
 */
public class SecurityHeadersFilter extends HttpFilter {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (BrowserSession.isPage(request)) {
      response.setHeader("Content-Security-Policy", POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "same-origin");
      if (!request.getRequestURI().contains("/assets/")) {
        response.setHeader("Cache-Control", "no-store");
      }
    }
    chain.doFilter(request, response);
  }
}
