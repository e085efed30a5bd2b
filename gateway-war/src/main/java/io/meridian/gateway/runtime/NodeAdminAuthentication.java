package io.meridian.gateway.runtime;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The lock on the node administration port (Payara Micro's own listener): every path but the health
 * checks ({@code /health}, {@code /health/*}, {@code /-/health}) needs the node operator's
 * credential, HTTP Basic, as {@code USER:PASSWORD} in the file {@code
 * meridian.gateway.admin.credentials-file} names. Payara binds its MicroProfile endpoints ({@code
 * /metrics}, {@code /health}, {@code /openapi}) into the application at the root context, which
 * this WAR is, so this filter stands in front of them as well as of {@code /-/sync}. A node without
 * a credential file serves its health checks only.
 */
@WebFilter(filterName = "node-admin-authentication", urlPatterns = "/*")
public class NodeAdminAuthentication extends HttpFilter {

  static final String CHALLENGE = "Basic realm=\"meridian-node\"";

  private static final Logger LOG = Logger.getLogger(NodeAdminAuthentication.class.getName());

  @Inject GatewaySettings settings;

  /** SHA-256 of {@code USER:PASSWORD}, or null: no credential opens the port. */
  private byte[] expected;

  public NodeAdminAuthentication() {}

  /** For tests: a filter that accepts {@code credential} ({@code USER:PASSWORD}), or none. */
  NodeAdminAuthentication(String credential) {
    expected = credential == null ? null : sha256(credential.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void init() throws ServletException {
    String file = settings.adminCredentialsFile().orElse(null);
    if (file == null) {
      LOG.warning(
          "No meridian.gateway.admin.credentials-file: the administration port serves health only");
      return;
    }
    try {
      expected = sha256(read(Path.of(file)).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new ServletException("No node administration credential in " + file, e);
    }
  }

  /** The credential a file holds: one line, {@code USER:PASSWORD}, both non-empty. */
  static String read(Path file) throws IOException {
    String credential = Files.readString(file, StandardCharsets.UTF_8);
    credential = credential.replaceFirst("\\R\\z", "");
    int colon = credential.indexOf(':');
    if (colon < 1 || colon == credential.length() - 1 || credential.contains("\n")) {
      throw new IllegalArgumentException("not one line USER:PASSWORD");
    }
    return credential;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isHealth(path(request)) || authenticated(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    // No body and no error page: nothing about the node for a caller without the credential.
    response.setHeader("WWW-Authenticate", CHALLENGE);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentLength(0);
  }

  /** The path the container dispatches on (decoded and normalized), within this root context. */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  static boolean isHealth(String path) {
    return path.equals("/health") || path.startsWith("/health/") || path.equals("/-/health");
  }

  /** Compares digests, so the time taken says nothing of where or whether lengths differ. */
  boolean authenticated(String authorization) {
    if (expected == null
        || authorization == null
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(authorization.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, sha256(given));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
