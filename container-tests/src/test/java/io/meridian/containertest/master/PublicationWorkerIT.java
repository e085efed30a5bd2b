package io.meridian.containertest.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.application.ApiService;
import io.meridian.application.internal.DefaultApiService;
import io.meridian.application.internal.PublicationRequested;
import io.meridian.application.internal.PublicationSteps;
import io.meridian.application.internal.PublicationWorker;
import io.meridian.containertest.support.Archives;
import io.meridian.containertest.support.Await;
import io.meridian.containertest.support.Definitions;
import io.meridian.containertest.support.Fixtures;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ApiState;
import io.meridian.infrastructure.Resources;
import io.meridian.infrastructure.publication.AnnouncementsTopic;
import io.meridian.infrastructure.publication.ArtifactServer;
import io.meridian.infrastructure.publication.ArtifactSigner;
import io.meridian.infrastructure.publication.JmsAnnouncer;
import io.meridian.shared.api.ApiDefinitionJson;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactPaths;
import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DocumentSignature;
import io.meridian.shared.artifact.Manifest;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The publication worker drains the outbox: a publication becomes a signed artifact and manifest in
 * the artifact directory, an announcement on the broker, and an outbox entry marked done.
 */
@ExtendWith(ArquillianExtension.class)
class PublicationWorkerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return Archives.controlPlane("publication-worker")
        .addClasses(DefaultApiService.class, PublicationWorker.class, PublicationSteps.class)
        .addClasses(PublicationRequested.class, ArtifactSigner.class, ArtifactServer.class)
        .addClasses(JmsAnnouncer.class, AnnouncementsTopic.class);
  }

  @Inject ApiService apis;

  @Resource(lookup = AnnouncementsTopic.CONNECTION_FACTORY)
  ConnectionFactory broker;

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource database;

  @Test
  void publicationBecomesSignedArtifactAnnouncementAndDoneOutboxEntry() throws Exception {
    String context = "/ct-" + Fixtures.unique();
    String definition = Definitions.json(UUID.randomUUID().toString(), context);
    Api api = apis.create(ApiSpec.of(ApiDefinitionJson.read(definition)), "ct-publisher");

    JsonObject announcement;
    // Subscribed before the publication: the topic keeps nothing for absent subscribers.
    try (jakarta.jms.Connection connection = broker.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer =
            session.createConsumer(session.createTopic(Destinations.ANNOUNCEMENTS))) {
      connection.start();
      // The lifecycle commit writes the outbox entry; the worker drains it after the commit.
      apis.transition(api.id(), ApiState.PUBLISHED, "ct-publisher");
      announcement = announcementFor(consumer, api.id());
    }
    assertEquals(1, announcement.getInt("revision"));
    assertEquals("PUBLISHED", announcement.getString("state"));
    String sha = announcement.getString("sha256");
    long manifestRevision = announcement.getJsonNumber("manifestRevision").longValue();

    // The outbox entry: published with that artifact, announced, no error; its id numbers the
    // manifest. (The announcement is sent before the entry is marked, so wait for the mark.)
    Outbox entry =
        Await.until(
            "the outbox entry of " + api.id() + " announced", TIMEOUT, () -> outbox(api.id()));
    assertEquals(manifestRevision, entry.id());
    assertEquals(sha, entry.sha256());
    assertNull(entry.lastError());

    // The artifact directory: the artifact under its hash, signed by a key of the database.
    Path dir =
        Path.of(ConfigProvider.getConfig().getValue("meridian.artifacts.location", String.class));
    String artifactPath = ArtifactPaths.artifact(sha);
    byte[] artifact = Files.readAllBytes(dir.resolve(artifactPath));
    assertEquals(sha, Digests.sha256(artifact));
    verifySignature(dir, artifactPath, artifact);
    ApiArtifact parsed = ApiArtifact.fromBytes(artifact);
    assertEquals(api.id(), parsed.apiId());
    assertEquals(1, parsed.revision());
    assertEquals(context, parsed.definition().context());

    // Then a manifest covering it, signed too: written after the announcement, numbered by the
    // newest publication it covers.
    Path latestFile = dir.resolve(ArtifactPaths.LATEST_MANIFEST);
    long latest =
        Await.until(
            "a manifest covering publication " + manifestRevision,
            TIMEOUT,
            () -> {
              if (!Files.exists(latestFile)) {
                return Optional.empty();
              }
              long revision = Long.parseLong(Files.readString(latestFile).trim());
              return revision >= manifestRevision ? Optional.of(revision) : Optional.empty();
            });
    String manifestPath = ArtifactPaths.manifest(latest);
    byte[] manifestBytes = Files.readAllBytes(dir.resolve(manifestPath));
    verifySignature(dir, manifestPath, manifestBytes);
    Manifest manifest = Manifest.fromBytes(manifestBytes);
    assertTrue(
        manifest.entries().stream()
            .anyMatch(e -> e.apiId().equals(api.id()) && e.sha256().equals(sha)),
        "manifest " + latest + " lists the artifact");
  }

  private static JsonObject announcementFor(MessageConsumer consumer, String apiId)
      throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Message m = consumer.receive(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (m instanceof TextMessage text) {
        JsonObject o = Json.createReader(new StringReader(text.getText())).readObject();
        if (apiId.equals(o.getString("apiId", null))) {
          return o;
        }
      }
    }
    throw new AssertionError("No announcement of API " + apiId + " within " + TIMEOUT);
  }

  private record Outbox(long id, String sha256, String lastError) {}

  private Optional<Outbox> outbox(String apiId) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, artifact_sha256, last_error FROM publication_outbox"
                    + " WHERE api_id = ? AND published_at IS NOT NULL AND announced_at IS NOT NULL")) {
      s.setString(1, apiId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Outbox(rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** Verifies the detached signature beside a document with the public key the database holds. */
  private void verifySignature(Path dir, String path, byte[] document) throws Exception {
    DocumentSignature signature =
        DocumentSignature.fromBytes(
            Files.readAllBytes(dir.resolve(ArtifactPaths.signatureOf(path))));
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT public_key FROM artifact_signing_keys WHERE kid = ?")) {
      s.setString(1, signature.kid());
      try (ResultSet rs = s.executeQuery()) {
        String key = rs.next() ? rs.getString(1) : null;
        signature.verify(document, kid -> key);
      }
    }
  }
}
