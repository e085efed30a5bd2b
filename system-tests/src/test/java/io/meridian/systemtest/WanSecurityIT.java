package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.Manifest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAN between the datacenters of scripts/dc.sh, as an attacker on it or in the read-only DC
 * would find it: what the link carries is encrypted (a capture of a publication, gateway traffic
 * and a revocation holds none of their content), every endpoint a read-only DC reaches across it
 * proves its identity with the installation's CA, and the read-only DC's own credentials can do
 * nothing on the master but acknowledge and replicate.
 */
class WanSecurityIT {

  private static final String MASTER_IP = URI.create(Topology.MASTER).getHost();
  private static final String READ_ONLY_DC = "dc-ro1";
  private static final Path TARGET = Path.of("target", "wan-security").toAbsolutePath();

  private static Backend backend;
  private static Http admin;

  @BeforeAll
  static void setUp() throws IOException {
    backend = new Backend(Topology.HOST_ADDRESS);
    admin = Http.admin().at(Topology.MASTER);
  }

  @AfterAll
  static void tearDown() {
    backend.close();
    Topology.run("capture", "stop");
  }

  @Test
  void aCaptureOfTheWanDuringPublishTrafficAndRevocationHoldsNoneOfTheirContent() {
    Path pcap = TARGET.resolve("wan.pcap");
    String marker = Fixtures.unique("wanmark");
    Topology.run("capture", "start", pcap.toString());

    // Publish an API whose name, description and context are known strings...
    String context = "/" + marker + "ctx";
    String api =
        """
        {"name":"%s-name","description":"%s-description","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/orders/{id}","tier":"Unlimited"}],
         "endpoints":{"production":{"url":"%s","timeoutMillis":5000}}}
        """
            .formatted(marker, marker, context, backend.url());
    String apiId = Fixtures.publish(admin, api);
    // ...subscribe, get keys and a token, call the read-only DC's gateway with it...
    Http developer =
        Http.as(Fixtures.signUp(Topology.MASTER), Fixtures.PASSWORD).at(Topology.MASTER);
    Http.Reply app =
        developer.post("/store/api/v1/applications", "{\"name\":\"" + marker + "-app\"}");
    assertEquals(201, app.status(), app.toString());
    String appId = app.json().getString("id");
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    Http.Reply sub =
        developer.post(
            "/store/api/v1/applications/" + appId + "/subscriptions",
            "{\"apiId\":\"" + apiId + "\",\"tier\":\"Unlimited\"}");
    assertEquals(201, sub.status(), sub.toString());
    Http client =
        Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"))
            .at(Topology.MASTER);
    Http.Reply tokenReply =
        client.form("/store/oauth2/token", params("grant_type", "client_credentials"));
    assertEquals(200, tokenReply.status(), tokenReply.toString());
    String token = tokenReply.json().getString("access_token");
    String path = context + "/1.0/orders/7";
    Await.response(
        () -> GatewayClient.send("GET", Topology.REPLICA_GATEWAY + path, token),
        r -> r.statusCode() == 200,
        15_000);
    // ...revoke it, until the read-only DC refuses it.
    assertEquals(200, client.form("/store/oauth2/revoke", params("token", token)).status());
    Await.response(
        () -> GatewayClient.send("GET", Topology.REPLICA_GATEWAY + path, token),
        r -> r.statusCode() == 401,
        15_000);
    // The control: one plain-text request across the same link, which the capture must show.
    String control = marker + "-plaintext-control";
    Wan.Result plain =
        Wan.inNamespace(
            "mer-r", Map.of(), "curl", "-s", "http://" + MASTER_IP + ":9000/" + control);
    assertTrue(plain.ok() && plain.output().contains(control), plain.output());
    // tcpdump writes each packet as it comes (-U): once the control is in the file, so is all
    // that crossed before it.
    Await.until(() -> Wan.Capture.read(pcap).contains(control), 10_000, () -> "no control yet");
    Topology.run("capture", "stop");

    Wan.Capture capture = Wan.Capture.read(pcap);
    // Each link carried data while the capture ran: WAL streaming, the bridges, artifact reads.
    for (int port : List.of(5432, 61617, 8443)) {
      assertTrue(
          capture.payloadByPort().getOrDefault(port, 0L) > 200,
          "bytes on :" + port + " during the capture: " + capture.payloadByPort());
    }
    List<String> known =
        List.of(
            marker + "-name",
            marker + "-description",
            context,
            marker + "-app",
            token,
            keys.getString("consumerKey"),
            keys.getString("consumerSecret"),
            "SELECT ",
            "INSERT INTO",
            "meridian.announcements",
            "\"revision\"");
    List<String> seen = known.stream().filter(capture::contains).toList();
    assertEquals(
        List.of(),
        seen.stream().map(s -> s.length() > 24 ? s.substring(0, 8) + "..." : s).toList(),
        "plain text on the WAN (" + capture.raw().length + " bytes captured)");
  }

  @Test
  void theReadOnlyDcsBrokerUserMayOnlySendAcknowledgementsToTheMaster() throws Exception {
    String password = Wan.secret("broker-" + READ_ONLY_DC + "-at-master");
    try (ActiveMQConnectionFactory factory = masterBrokerOverTheWan();
        Connection connection = factory.createConnection(READ_ONLY_DC, password)) {
      connection.start(); // the credential is valid: what follows is refused by permission
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer announce =
          session.createProducer(session.createTopic("meridian.announcements"));
      JMSException e =
          assertThrows(
              JMSException.class, () -> announce.send(session.createTextMessage("{\"forged\":1}")));
      assertTrue(e.getMessage().contains("does not have permission='SEND'"), e.getMessage());
      assertThrows(
          JMSException.class,
          () -> session.createConsumer(session.createQueue("meridian.announcements.to-replica")),
          "reading the announcements queued for the read-only DC");
      assertThrows(
          JMSException.class,
          () -> session.createConsumer(session.createQueue("meridian.deployments")),
          "reading the acknowledgements of the datacenters");
    }
    try (ActiveMQConnectionFactory factory = masterBrokerOverTheWan()) {
      assertThrows(
          JMSSecurityException.class,
          () -> factory.createConnection(READ_ONLY_DC, password + "x").close(),
          "a wrong password");
    }
  }

  private static ActiveMQConnectionFactory masterBrokerOverTheWan() {
    return new ActiveMQConnectionFactory(
        "tcp://"
            + MASTER_IP
            + ":61617?sslEnabled=true;verifyHost=true;trustStoreType=PKCS12;trustStorePath="
            + Wan.SECRETS.resolve("pki/ca.p12").toAbsolutePath()
            + ";trustStorePassword="
            + Wan.secret("pki-ca.p12")
            + ";reconnectAttempts=0;initialConnectAttempts=1");
  }

  @Test
  void theArtifactServerServesReadsOverVerifiedTlsAndNoWritesAcrossTheWan() throws Exception {
    // Something published, so that there is a manifest to read (and to try to overwrite).
    String context = "/" + Fixtures.unique("art");
    String apiId =
        Fixtures.publish(
            admin,
            """
        {"name":"Artifacts","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/x","authRequired":false}],
         "endpoints":{"production":{"url":"%s"}}}
        """
                .formatted(context, backend.url()));
    HttpClient verified =
        HttpClient.newBuilder()
            .sslContext(Wan.trustingTheInstallationCa())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "https://" + MASTER_IP + ":8443/";
    HttpResponse<byte[]>[] read = new HttpResponse[1];
    Await.until(
        () -> {
          try {
            read[0] =
                verified.send(
                    HttpRequest.newBuilder(URI.create(base + "manifests/latest")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (read[0].statusCode() != 200) {
              return false;
            }
            // The manifest is written after the announcement: wait for the one that lists this
            // API, so that no write of the master's is still to come during the checks below.
            long revision = Long.parseLong(new String(read[0].body()).trim());
            HttpResponse<byte[]> listed =
                verified.send(
                    HttpRequest.newBuilder(URI.create(base + ArtifactPaths.manifest(revision)))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return listed.statusCode() == 200
                && Manifest.fromBytes(listed.body()).entries().stream()
                    .anyMatch(e -> e.apiId().equals(apiId));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        10_000,
        () -> String.valueOf(read[0] == null ? null : read[0].statusCode()));
    HttpResponse<byte[]> manifest = read[0];

    String readOnlyDcs =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (READ_ONLY_DC + ":" + Wan.secret("broker-" + READ_ONLY_DC + "-at-master"))
                        .getBytes());
    for (String authorization : new String[] {null, readOnlyDcs}) {
      for (String method : List.of("PUT", "DELETE")) {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(base + "manifests/latest"))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"forged\":true}"));
        if (authorization != null) {
          b.header("Authorization", authorization);
        }
        int status = verified.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(403, status, method + (authorization == null ? "" : " with credentials"));
      }
    }
    HttpResponse<byte[]> after =
        verified.send(
            HttpRequest.newBuilder(URI.create(base + "manifests/latest")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(new String(manifest.body()), new String(after.body()), "the manifest is intact");

    // The plain listener is the master DC's loopback only; a client that does not trust the
    // installation's CA does not get past the handshake.
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    assertThrows(
        IOException.class,
        () ->
            plain.send(
                HttpRequest.newBuilder(URI.create("http://" + MASTER_IP + ":8088/manifests/latest"))
                    .build(),
                HttpResponse.BodyHandlers.discarding()));
    assertThrows(
        SSLHandshakeException.class,
        () ->
            plain.send(
                HttpRequest.newBuilder(URI.create(base + "manifests/latest")).build(),
                HttpResponse.BodyHandlers.discarding()));
  }

  @Test
  void thePrimaryLetsTheReadOnlyDcReplicateOverVerifiedTlsAndNothingElse() throws Exception {
    String host = "host=" + MASTER_IP + " port=5432 connect_timeout=5";
    String replicator = "replicator_" + READ_ONLY_DC.replace('-', '_');
    String gateway = "gateway_" + READ_ONLY_DC.replace('-', '_');
    Path pgpass =
        Wan.privateFile(
            TARGET.resolve("pgpass"),
            "*:*:*:"
                + replicator
                + ":"
                + Wan.secret("db-replicator-" + READ_ONLY_DC)
                + "\n"
                + "*:*:*:"
                + gateway
                + ":"
                + Wan.secret("db-gateway-" + READ_ONLY_DC)
                + "\n");
    Map<String, String> env = Map.of("PGPASSFILE", pgpass.toString());
    String verifyFull = " sslmode=verify-full sslrootcert=" + Wan.CA.toAbsolutePath();

    Wan.Result replicating =
        psqlInReadOnlyDc(
            env,
            host + " user=" + replicator + " replication=true" + verifyFull,
            "IDENTIFY_SYSTEM");
    assertTrue(replicating.ok(), "replication over verified TLS works: " + replicating.output());

    Wan.Result withoutTls =
        psqlInReadOnlyDc(
            env,
            host + " user=" + replicator + " replication=true sslmode=disable",
            "IDENTIFY_SYSTEM");
    assertFalse(withoutTls.ok());
    assertTrue(withoutTls.output().contains("no encryption"), withoutTls.output());

    for (String role : List.of(replicator, gateway)) {
      Wan.Result asAUser =
          psqlInReadOnlyDc(
              env, host + " user=" + role + " dbname=meridian" + verifyFull, "SELECT 1");
      assertFalse(asAUser.ok(), role + " connected to the primary as a database user");
      assertTrue(asAUser.output().contains("no pg_hba.conf entry"), asAUser.output());
    }

    // The standby's own connection verifies the primary's certificate and address...
    String conninfo = Topology.run("sql", "replica", "SHOW primary_conninfo");
    assertTrue(conninfo.contains("verify-full"), "the standby's primary_conninfo verifies");
    assertTrue(conninfo.contains("sslrootcert="), "the standby's primary_conninfo names the CA");
    // ...so an impostor with a certificate for the right address, from another CA, is refused.
    try (ForgedTlsServer impostor =
        new ForgedTlsServer(Topology.HOST_ADDRESS, TARGET.resolve("forged"))) {
      String at =
          "host=" + Topology.HOST_ADDRESS + " port=" + impostor.port() + " connect_timeout=5";
      Wan.Result refused =
          psqlInReadOnlyDc(
              env,
              at + " user=" + replicator + " replication=true" + verifyFull,
              "IDENTIFY_SYSTEM");
      assertFalse(refused.ok());
      assertTrue(refused.output().contains("certificate verify failed"), refused.output());
      // The control: trusting the impostor's CA gets past the handshake (and then fails otherwise).
      Wan.Result trusting =
          psqlInReadOnlyDc(
              env,
              at
                  + " user="
                  + replicator
                  + " replication=true sslmode=verify-full"
                  + " sslrootcert="
                  + impostor.forgedCa,
              "IDENTIFY_SYSTEM");
      assertFalse(trusting.output().contains("certificate verify failed"), trusting.output());
    }
  }

  private static Wan.Result psqlInReadOnlyDc(Map<String, String> env, String conninfo, String sql) {
    return Wan.inNamespace("mer-r", env, "psql", "-X", "-At", "-d", conninfo, "-c", sql);
  }

  @Test
  void administrationSurfacesAskForCredentials() throws Exception {
    // The master domain: secure admin (TLS only on the admin port), a generated password.
    String adminPort = "https://" + MASTER_IP + ":8048/management/domain";
    assertEquals(401, adminStatus(adminPort, null));
    assertEquals(
        200,
        adminStatus(
            adminPort,
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("admin:" + Wan.secret("payara-admin-meridian-dc-master")).getBytes())));
    HttpResponse<String> plain =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://" + MASTER_IP + ":8048/management/domain"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertNotEquals(200, plain.statusCode(), "the admin port answered plain HTTP");

    // A gateway node: health for anyone, everything else for its operator.
    for (String gateway : List.of(Topology.MASTER_GATEWAY, Topology.REPLICA_GATEWAY)) {
      String node = Topology.adminOf(gateway);
      assertEquals(200, GatewayClient.send("GET", node + "/health/ready", null).statusCode());
      List<Integer> statuses = new ArrayList<>();
      for (String path : List.of("/-/sync", "/metrics")) {
        statuses.add(GatewayClient.send("GET", node + path, null).statusCode());
      }
      assertEquals(List.of(401, 401), statuses, node);
    }
  }

  /**
   * The status of a GET to the master domain's admin port, which presents Payara's own self-signed
   * certificate (made for the domain's host name, not this address): trusted as it is here.
   */
  private static int adminStatus(String url, String authorization) throws Exception {
    HttpsURLConnection c = (HttpsURLConnection) URI.create(url).toURL().openConnection();
    c.setSSLSocketFactory(trustAll().getSocketFactory());
    c.setHostnameVerifier((host, session) -> true);
    c.setConnectTimeout(5000);
    c.setReadTimeout(10_000);
    c.setRequestProperty("Accept", "application/json");
    c.setRequestProperty("X-Requested-By", "meridian-tests");
    if (authorization != null) {
      c.setRequestProperty("Authorization", authorization);
    }
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  private static SSLContext trustAll() throws Exception {
    // Payara's own self-signed admin certificate (the admin port is the master DC's, on its LAN).
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return ctx;
  }
}
