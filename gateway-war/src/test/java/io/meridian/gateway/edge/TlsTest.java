package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.state.TestStates;
import io.meridian.gateway.throttle.Peers;
import io.meridian.gateway.throttle.QuotaShares;
import io.meridian.gateway.throttle.Throttle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the gateway port from PEM files, HTTP/2 by ALPN, and https backends verified against a
 * configured CA — with a CA and certificates made at test time.
 */
class TlsTest {

  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
            .header("Authorization", "Bearer " + TestStates.token())
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client(HttpClient.Version version) throws Exception {
    return HttpClient.newBuilder().version(version).sslContext(certs.clientContext()).build();
  }

  @Test
  void servesHttpsWithHttp2ForClientsThatOfferItAndHttp11ForTheOthers() throws Exception {
    try (TestBackend backend = TestBackend.start(r -> r.response().end("plain backend"));
        GatewayServer gateway =
            GatewayServer.start(
                GatewayUnderTest.settings()
                    .tls(certs.certFile.toString(), certs.keyFile.toString(), true)
                    .build(),
                holder(backend.url()),
                new Throttle(Peers.ALONE, new QuotaShares(1), System::currentTimeMillis),
                null,
                new TrafficMeter())) {
      HttpResponse<String> h2 =
          get(client(HttpClient.Version.HTTP_2), gateway.port(), "/shop/1.0/items/1");
      assertEquals(200, h2.statusCode(), h2.body());
      assertEquals(HttpClient.Version.HTTP_2, h2.version());
      assertEquals("plain backend", h2.body());
      assertEquals("https", backend.headers.peek().get("X-Forwarded-Proto"));

      HttpResponse<String> h1 =
          get(client(HttpClient.Version.HTTP_1_1), gateway.port(), "/shop/1.0/items/1");
      assertEquals(200, h1.statusCode());
      assertEquals(HttpClient.Version.HTTP_1_1, h1.version());
    }
  }

  @Test
  void verifiesAnHttpsBackendAgainstTheConfiguredCa() throws Exception {
    try (TestBackend backend = TestBackend.startTls(certs, r -> r.response().end("tls backend"));
        GatewayUnderTest trusting =
            new GatewayUnderTest(
                GatewayUnderTest.settings().backends(2000, 16, certs.caFile.toString()).build(),
                TestStates.of(
                    TestStates.shop(List.of("https://localhost:" + backend.port()), 5000, null)));
        GatewayUnderTest untrusting =
            new GatewayUnderTest(
                GatewayUnderTest.settings().build(),
                TestStates.of(
                    TestStates.shop(List.of("https://localhost:" + backend.port()), 5000, null)))) {
      HttpResponse<String> ok =
          trusting.send(
              trusting
                  .request("/shop/1.0/items/1")
                  .header("Authorization", "Bearer " + TestStates.token())
                  .build());
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("tls backend", ok.body());

      HttpResponse<String> refused =
          untrusting.send(
              untrusting
                  .request("/shop/1.0/items/1")
                  .header("Authorization", "Bearer " + TestStates.token())
                  .build());
      assertEquals(502, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("backend_tls_failed"), refused.body());
    }
  }

  private static StateHolder holder(String backendUrl) {
    StateHolder holder = new StateHolder();
    holder.replace(TestStates.of(TestStates.shop(List.of(backendUrl), 5000, null)));
    return holder;
  }
}
