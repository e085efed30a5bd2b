package io.meridian.containertest.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.application.internal.DefaultDeploymentService;
import io.meridian.containertest.support.Archives;
import io.meridian.containertest.support.Await;
import io.meridian.containertest.support.Fixtures;
import io.meridian.infrastructure.Resources;
import io.meridian.infrastructure.publication.AnnouncementsTopic;
import io.meridian.infrastructure.publication.DeploymentAckListener;
import io.meridian.shared.artifact.Destinations;
import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The master's acknowledgement MDB: what a gateway reports it serves becomes a deployment. */
@ExtendWith(ArquillianExtension.class)
class DeploymentAckListenerIT {

  @Deployment
  static WebArchive deployment() {
    return Archives.controlPlane("deployment-acks")
        .addClasses(DeploymentAckListener.class, DefaultDeploymentService.class);
  }

  @Resource(lookup = AnnouncementsTopic.CONNECTION_FACTORY)
  ConnectionFactory broker;

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource database;

  @Test
  void acknowledgementOnTheQueueBecomesADeploymentRecord() throws Exception {
    String apiId = UUID.randomUUID().toString();
    String node = "ct-node-" + Fixtures.unique();
    String sha = "ab".repeat(32);
    OffsetDateTime activatedAt =
        OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    String ack =
        Json.createObjectBuilder()
            .add("datacenter", "dc-ct")
            .add("node", node)
            .add("apiId", apiId)
            .add("revision", 3)
            .add("state", "PUBLISHED")
            .add("sha256", sha)
            .add("manifestRevision", 42)
            .add("activatedAt", activatedAt.toString())
            .build()
            .toString();

    // An unreadable one first: the listener drops it and goes on with the next.
    send("{\"datacenter\":", ack);

    List<Object> row =
        Await.until(
            "the deployment of " + apiId + " on " + node,
            Duration.ofSeconds(30),
            () -> deployment("dc-ct", node, apiId));
    assertEquals(List.of(3, "PUBLISHED", sha, 42L, activatedAt.toInstant()), row);
  }

  private void send(String... bodies) throws Exception {
    try (jakarta.jms.Connection connection = broker.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer =
            session.createProducer(session.createQueue(Destinations.DEPLOYMENTS))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      for (String body : bodies) {
        producer.send(session.createTextMessage(body));
      }
    }
  }

  /** The stored deployment (revision, state, hash, manifest, activation), read with JDBC. */
  private Optional<List<Object>> deployment(String datacenter, String node, String apiId)
      throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT revision, state, sha256, manifest_revision, activated_at"
                    + " FROM datacenter_deployments WHERE datacenter = ? AND node = ? AND api_id = ?")) {
      s.setString(1, datacenter);
      s.setString(2, node);
      s.setString(3, apiId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(
                List.of(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant()))
            : Optional.empty();
      }
    }
  }
}
