package io.meridian.containertest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.meridian.containertest.support.Archives;
import io.meridian.containertest.support.Await;
import io.meridian.containertest.support.Definitions;
import io.meridian.containertest.support.Schema;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.sync.ActiveApi;
import io.meridian.sync.SyncCoordinator;
import io.meridian.sync.SyncSettings;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway side of a publication: an announcement on the broker reaches the sync MDB, which
 * fetches the artifact from the artifact directory, checks its hash and signature against the
 * replica's keys, activates it and acknowledges it to the master's queue.
 */
@ExtendWith(ArquillianExtension.class)
class AnnouncementListenerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Manifest revisions above any the master tests made in the same database. */
  private static final AtomicLong MANIFEST = new AtomicLong(1_000_000);

  @Deployment
  static WebArchive deployment() {
    return Archives.gatewaySync("gateway-sync").addClass(RecordingActivation.class);
  }

  @Inject SyncCoordinator sync;
  @Inject RecordingActivation routes;

  @Resource(lookup = SyncSettings.DATA_SOURCE)
  DataSource replica;

  @Resource(lookup = SyncSettings.CONNECTION_FACTORY)
  ConnectionFactory broker;

  private ArtifactStore artifacts;

  @BeforeEach
  void masterSide() {
    Schema.migrate(replica);
    artifacts =
        ArtifactStore.at(
            ConfigProvider.getConfig()
                .getValue("meridian.gateway.artifacts.location", String.class),
            5000);
  }

  @Test
  void announcedSignedArtifactBecomesActiveAndIsAcknowledged() throws Exception {
    KeyPair key = KeyPairGenerator.getInstance(DocumentSignature.ALG).generateKeyPair();
    String kid = "ct-" + UUID.randomUUID();
    storePublicKey(kid, key);
    String apiId = UUID.randomUUID().toString();
    String context = "/ct-sync-" + apiId.substring(0, 8);
    String sha = publishArtifact(apiId, context, kid, key.getPrivate());
    long manifest = MANIFEST.incrementAndGet();

    try (jakarta.jms.Connection connection = broker.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer acks =
            session.createConsumer(session.createQueue(Destinations.DEPLOYMENTS))) {
      connection.start();
      announce(session, apiId, sha, manifest);

      ActiveApi active =
          Await.until(
              "API " + apiId + " active",
              TIMEOUT,
              () -> Optional.ofNullable(routes.serving().get(apiId)));
      assertEquals(sha, active.sha256());
      assertEquals(manifest, active.publishedAt());
      assertEquals(1, active.artifact().revision());
      assertEquals(context, active.artifact().definition().context());
      assertEquals(sha, sync.status().apis().get(apiId).split(" ")[2]);

      JsonObject ack = ackFor(acks, apiId);
      assertEquals("dc-ct", ack.getString("datacenter"));
      assertEquals("ct-gateway", ack.getString("node"));
      assertEquals(sha, ack.getString("sha256"));
      assertEquals(1, ack.getInt("revision"));
      assertEquals(manifest, ack.getJsonNumber("manifestRevision").longValue());
    }
  }

  @Test
  void artifactSignedByAKeyTheReplicaDoesNotKnowIsRejected() throws Exception {
    KeyPair unknown = KeyPairGenerator.getInstance(DocumentSignature.ALG).generateKeyPair();
    String apiId = UUID.randomUUID().toString();
    String sha =
        publishArtifact(
            apiId, "/ct-forged-" + apiId.substring(0, 8), "ct-unknown", unknown.getPrivate());
    long rejectedBefore = sync.status().rejectedArtifacts();

    try (jakarta.jms.Connection connection = broker.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      announce(session, apiId, sha, MANIFEST.incrementAndGet());
    }

    Await.until(
        "the artifact of " + apiId + " rejected",
        TIMEOUT,
        () ->
            sync.status().rejectedArtifacts() > rejectedBefore
                ? Optional.of(true)
                : Optional.empty());
    assertFalse(routes.serving().containsKey(apiId), "a rejected artifact is not served");
    assertFalse(sync.status().apis().containsKey(apiId));
  }

  /** Writes a signed artifact (as the master's publication worker does); returns its hash. */
  private String publishArtifact(String apiId, String context, String kid, PrivateKey key)
      throws Exception {
    byte[] bytes =
        ApiArtifact.fromBytes(
                Definitions.artifactJson(apiId, 1, "PUBLISHED", context)
                    .getBytes(StandardCharsets.UTF_8))
            .toBytes();
    String sha = Digests.sha256(bytes);
    String path = ArtifactPaths.artifact(sha);
    artifacts.put(path, bytes);
    artifacts.put(
        ArtifactPaths.signatureOf(path), DocumentSignature.sign(bytes, kid, key).toBytes());
    return sha;
  }

  private void storePublicKey(String kid, KeyPair key) throws Exception {
    try (Connection c = replica.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO artifact_signing_keys (kid, public_key, private_key, created_at)"
                    + " VALUES (?, ?, 'not used by gateways', now())")) {
      s.setString(1, kid);
      s.setString(2, Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
      s.executeUpdate();
    }
  }

  /** Announces as the master's JmsAnnouncer does, at the database's current WAL position. */
  private void announce(Session session, String apiId, String sha, long manifest) throws Exception {
    String announcement =
        Json.createObjectBuilder()
            .add("apiId", apiId)
            .add("revision", 1)
            .add("state", "PUBLISHED")
            .add("sha256", sha)
            .add("manifestRevision", manifest)
            .add("lsn", walPosition())
            .add("publishedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())
            .build()
            .toString();
    try (MessageProducer producer =
        session.createProducer(session.createTopic(Destinations.ANNOUNCEMENTS))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      producer.send(session.createTextMessage(announcement));
    }
  }

  private String walPosition() throws Exception {
    try (Connection c = replica.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_current_wal_lsn()::text");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static JsonObject ackFor(MessageConsumer acks, String apiId) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Message m = acks.receive(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (m instanceof TextMessage text) {
        JsonObject o = Json.createReader(new StringReader(text.getText())).readObject();
        if (apiId.equals(o.getString("apiId", null))) {
          return o;
        }
      }
    }
    throw new AssertionError("No acknowledgement of API " + apiId + " within " + TIMEOUT);
  }
}
