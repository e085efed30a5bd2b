package io.meridian.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration port's lock: health stays open, everything else needs the credential. */
class NodeAdminAuthenticationTest {

  private static final String CREDENTIAL = "meridian-ops:s3cret-Pass_word";

  @TempDir Path dir;

  @Test
  void healthChecksAnswerWithoutCredentials() throws Exception {
    NodeAdminAuthentication filter = new NodeAdminAuthentication(CREDENTIAL);
    for (String[] path :
        new String[][] {
          {"/health", null}, {"/health", "/ready"}, {"/health", "/live"}, {"/-/health", null}
        }) {
      Exchange e = Exchange.of(path[0], path[1], null);
      e.run(filter);
      assertTrue(e.passed, String.join("", path[0], path[1] == null ? "" : path[1]));
    }
  }

  @Test
  void everythingElseWithoutCredentialsIsUnauthorizedWithAChallengeAndNoBody() throws Exception {
    NodeAdminAuthentication filter = new NodeAdminAuthentication(CREDENTIAL);
    for (String path : new String[] {"/metrics", "/-/sync", "/", "/healthz", "/-/healthz"}) {
      Exchange e = Exchange.of(path, null, null);
      e.run(filter);
      assertFalse(e.passed, path);
      assertEquals(401, e.status, path);
      assertEquals("Basic realm=\"meridian-node\"", e.headers.get("WWW-Authenticate"), path);
      assertEquals(0, e.contentLength, path);
    }
  }

  @Test
  void theOperatorsCredentialOpensMetricsAndSync() throws Exception {
    NodeAdminAuthentication filter = new NodeAdminAuthentication(CREDENTIAL);
    Exchange metrics = Exchange.of("/metrics", null, basic(CREDENTIAL));
    metrics.run(filter);
    assertTrue(metrics.passed);
    Exchange sync = Exchange.of("/-/sync", null, "basic " + encode(CREDENTIAL));
    sync.run(filter);
    assertTrue(sync.passed);
    assertEquals(-1, sync.status);
  }

  @Test
  void rejectsWrongOrMalformedCredentials() {
    NodeAdminAuthentication filter = new NodeAdminAuthentication(CREDENTIAL);
    assertTrue(filter.authenticated(basic(CREDENTIAL)));
    assertFalse(filter.authenticated(null));
    assertFalse(filter.authenticated(basic("meridian-ops:s3cret-Pass_wordX")));
    assertFalse(filter.authenticated(basic("meridian-ops:s3cret-Pass_wor")));
    assertFalse(filter.authenticated(basic("someone:s3cret-Pass_word")));
    assertFalse(filter.authenticated(basic("meridian-ops:")));
    assertFalse(filter.authenticated("Basic !!!not-base64"));
    assertFalse(filter.authenticated("Bearer " + encode(CREDENTIAL)));
    assertFalse(filter.authenticated(encode(CREDENTIAL)));
  }

  @Test
  void withoutAConfiguredCredentialOnlyHealthAnswers() throws Exception {
    NodeAdminAuthentication filter = new NodeAdminAuthentication(null);
    assertFalse(filter.authenticated(basic(CREDENTIAL)));
    Exchange metrics = Exchange.of("/metrics", null, basic(CREDENTIAL));
    metrics.run(filter);
    assertEquals(401, metrics.status);
    Exchange ready = Exchange.of("/health", "/ready", null);
    ready.run(filter);
    assertTrue(ready.passed);
  }

  @Test
  void readsTheCredentialFileTheScriptWrites() throws Exception {
    Path file = dir.resolve("node-admin-gw1.credentials");
    Files.writeString(file, CREDENTIAL + "\n");
    GatewaySettings settings = new GatewaySettings();
    settings.adminCredentialsFile = Optional.of(file.toString());
    NodeAdminAuthentication filter = new NodeAdminAuthentication();
    filter.settings = settings;
    filter.init();
    assertTrue(filter.authenticated(basic(CREDENTIAL)));
    assertFalse(filter.authenticated(basic(CREDENTIAL + "\n")));
  }

  @Test
  void refusesToStartOnAMissingOrMalformedCredentialFile() throws Exception {
    assertThrows(NoSuchFileException.class, () -> NodeAdminAuthentication.read(dir.resolve("no")));
    for (String content : new String[] {"", "meridian-ops", "meridian-ops:", ":pw", "a:b\nc:d\n"}) {
      Path file = Files.writeString(dir.resolve("bad"), content);
      assertThrows(
          IllegalArgumentException.class, () -> NodeAdminAuthentication.read(file), content);
    }
    GatewaySettings settings = new GatewaySettings();
    settings.adminCredentialsFile = Optional.of(dir.resolve("missing").toString());
    NodeAdminAuthentication filter = new NodeAdminAuthentication();
    filter.settings = settings;
    assertThrows(ServletException.class, filter::init);
  }

  private static String basic(String userAndPassword) {
    return "Basic " + encode(userAndPassword);
  }

  private static String encode(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** One request through the filter, with what the response was given and whether it went on. */
  private static final class Exchange {
    final Map<String, String> headers = new HashMap<>();
    int status = -1;
    int contentLength = -1;
    boolean passed;
    private HttpServletRequest request;
    private HttpServletResponse response;

    static Exchange of(String servletPath, String pathInfo, String authorization) {
      Exchange e = new Exchange();
      e.request =
          proxy(
              HttpServletRequest.class,
              (method, args) ->
                  switch (method) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" ->
                        "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    default -> throw new UnsupportedOperationException(method);
                  });
      e.response =
          proxy(
              HttpServletResponse.class,
              (method, args) -> {
                switch (method) {
                  case "setHeader" -> e.headers.put((String) args[0], (String) args[1]);
                  case "setStatus" -> e.status = (Integer) args[0];
                  case "setContentLength" -> e.contentLength = (Integer) args[0];
                  default -> throw new UnsupportedOperationException(method);
                }
                return null;
              });
      return e;
    }

    void run(NodeAdminAuthentication filter) throws IOException, ServletException {
      filter.doFilter(request, response, (req, res) -> passed = true);
    }

    private interface Handler {
      Object call(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
      return type.cast(
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (p, m, args) -> handler.call(m.getName(), args)));
    }
  }
}
