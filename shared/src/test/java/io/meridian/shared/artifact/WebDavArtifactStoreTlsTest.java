package io.meridian.shared.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebDAV store against an https server on loopback: it trusts only the configured CA, checks
 * that the certificate names the host, and writes with Basic credentials that the server checks.
 */
class WebDavArtifactStoreTlsTest {

  private static final String USER = "publisher";
  private static final String PASSWORD = "s3cret-Pa55";

  @TempDir static Path pkiDir;
  @TempDir Path files;

  private static TestPki pki;
  private static Path ca;

  private HttpsServer server;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicReference<String> readAuthorization = new AtomicReference<>();
  private final AtomicReference<byte[]> written = new AtomicReference<>();

  @BeforeAll
  static void certificates() throws IOException {
    pki = new TestPki(pkiDir);
    ca = pki.ca("ca", "Meridian artifacts CA");
    pki.server("server", "ca", "IP:127.0.0.1");
    pki.server("elsewhere", "ca", "IP:10.201.1.1");
    // Same name as the real CA, another key: what an attacker on the WAN link could present.
    pki.ca("forged-ca", "Meridian artifacts CA");
    pki.server("forged", "forged-ca", "IP:127.0.0.1");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves a.json to GETs and accepts PUTs with the right credentials only. */
  private String serve(String cert, String signedBy) throws IOException, GeneralSecurityException {
    SSLContext tls = pki.serverContext(cert, signedBy);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.start();
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange e) throws IOException {
    served.incrementAndGet();
    String authorization = e.getRequestHeaders().getFirst("Authorization");
    byte[] body = e.getRequestBody().readAllBytes();
    if ("PUT".equals(e.getRequestMethod())) {
      if (!basic(USER + ":" + PASSWORD).equals(authorization)) {
        e.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"artifacts\"");
        e.sendResponseHeaders(401, -1);
      } else {
        written.set(body);
        e.sendResponseHeaders(201, -1);
      }
    } else if (e.getRequestURI().getPath().equals("/a.json")) {
      readAuthorization.set(authorization == null ? "none" : authorization);
      byte[] bytes = "artifact".getBytes(StandardCharsets.UTF_8);
      e.sendResponseHeaders(200, bytes.length);
      e.getResponseBody().write(bytes);
    } else {
      e.sendResponseHeaders(404, -1);
    }
    e.close();
  }

  private static String basic(String userPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static ArtifactStoreOptions trusting(Path caFile) {
    return new ArtifactStoreOptions(Optional.of(caFile), Optional.empty());
  }

  private Path credentials(String content) throws IOException {
    return Files.writeString(files.resolve("credentials"), content);
  }

  @Test
  void readsOverHttpsFromAServerSignedByTheTrustedCa() throws Exception {
    ArtifactStore store = ArtifactStore.at(serve("server", "ca"), 2000, trusting(ca));

    assertArrayEquals("artifact".getBytes(StandardCharsets.UTF_8), store.get("a.json").get());
    List<Optional<byte[]>> both = store.getAll(List.of("a.json", "b.json"));
    assertArrayEquals("artifact".getBytes(StandardCharsets.UTF_8), both.get(0).get());
    assertEquals(Optional.empty(), both.get(1));
  }

  @Test
  void refusesAServerPresentingAForgedCertificate() throws Exception {
    String url = serve("forged", "forged-ca");
    ArtifactStore store = ArtifactStore.at(url, 2000, trusting(ca));

    IOException one = assertThrows(IOException.class, () -> store.get("a.json"));
    IOException all = assertThrows(IOException.class, () -> store.getAll(List.of("a.json")));

    for (IOException e : List.of(one, all)) {
      assertTrue(
          e.getMessage().contains("TLS handshake / certificate verification failed"),
          e.getMessage());
      assertTrue(e.getMessage().contains(url), e.getMessage());
    }
    assertEquals(0, served.get(), "no request reached the forged server");
  }

  @Test
  void refusesACertificateOfTheTrustedCaIssuedForAnotherHost() throws Exception {
    ArtifactStore store = ArtifactStore.at(serve("elsewhere", "ca"), 2000, trusting(ca));

    IOException e = assertThrows(IOException.class, () -> store.get("a.json"));

    assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
    assertEquals(0, served.get());
  }

  @Test
  void withoutATrustedCaTheJvmTrustStoreDoesNotKnowThePrivateCa() throws Exception {
    ArtifactStore store = ArtifactStore.at(serve("server", "ca"), 2000);

    IOException e = assertThrows(IOException.class, () -> store.get("a.json"));

    assertTrue(e.getMessage().contains("certificate verification failed"), e.getMessage());
    assertEquals(0, served.get());
  }

  @Test
  void aWriteCarriesTheBasicCredentialsAndAReadNone() throws Exception {
    ArtifactStore store =
        ArtifactStore.at(
            serve("server", "ca"),
            2000,
            new ArtifactStoreOptions(
                Optional.of(ca), Optional.of(credentials(USER + ":" + PASSWORD + "\n"))));

    store.put("artifacts/x.json", "bytes".getBytes(StandardCharsets.UTF_8));
    store.get("a.json");

    assertArrayEquals("bytes".getBytes(StandardCharsets.UTF_8), written.get());
    assertEquals("none", readAuthorization.get());
  }

  @Test
  void aWriteWithoutCredentialsIsRefused() throws Exception {
    ArtifactStore store = ArtifactStore.at(serve("server", "ca"), 2000, trusting(ca));

    IOException e = assertThrows(IOException.class, () -> store.put("x.json", new byte[] {1}));

    assertTrue(e.getMessage().contains("refused the write"), e.getMessage());
    assertTrue(e.getMessage().contains("401"), e.getMessage());
    assertNull(written.get());
  }

  @Test
  void aWriteWithWrongCredentialsIsRefusedWithoutShowingThem() throws Exception {
    ArtifactStore store =
        ArtifactStore.at(
            serve("server", "ca"),
            2000,
            new ArtifactStoreOptions(
                Optional.of(ca), Optional.of(credentials(USER + ":wrong-guess\n"))));

    IOException e = assertThrows(IOException.class, () -> store.put("x.json", new byte[] {1}));

    assertTrue(e.getMessage().contains("refused the write"), e.getMessage());
    assertTrue(e.getMessage().contains("401"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-guess"), e.getMessage());
    assertNull(written.get());
  }

  @Test
  void aMissingCaFileIsAClearErrorNamingIt() {
    Path missing = files.resolve("no-such-ca.pem");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArtifactStore.at("https://127.0.0.1:1/", 2000, trusting(missing)));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void aCaFileWithoutCertificatesIsAClearErrorNamingIt() throws IOException {
    Path notPem = Files.writeString(files.resolve("ca.pem"), "not a certificate\n");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArtifactStore.at("https://127.0.0.1:1/", 2000, trusting(notPem)));

    assertTrue(e.getMessage().contains(notPem.toString()), e.getMessage());
  }

  @Test
  void anUnusableCredentialsFileIsNamedAndItsContentNotShown() throws IOException {
    Path malformed = credentials("only-a-secret-no-colon\n");
    Path missing = files.resolve("no-such-credentials");

    for (Path file : List.of(malformed, missing)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ArtifactStore.at(
                      "https://127.0.0.1:1/",
                      2000,
                      new ArtifactStoreOptions(Optional.empty(), Optional.of(file))));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertFalse(e.getMessage().contains("only-a-secret"), e.getMessage());
    }
  }

  @Test
  void blankConfigurationValuesMeanNotSet() {
    assertEquals(
        ArtifactStoreOptions.NONE, ArtifactStoreOptions.of(Optional.of("  "), Optional.empty()));
    assertEquals(
        Optional.of(Path.of("/etc/meridian/ca.pem")),
        ArtifactStoreOptions.of(Optional.of("/etc/meridian/ca.pem"), Optional.empty())
            .trustCaFile());
  }
}
