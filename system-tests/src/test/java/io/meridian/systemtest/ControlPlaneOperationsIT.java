package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * What an operator's tools read from the master: MicroProfile Health at {@code /health/*}, the
 * {@code meridian_*} gauges at {@code /metrics}, and the {@code io.meridian:type=ControlPlane}
 * MXBean over the domain's JMX connector (portbase + 86; as the domain's administrator, whose
 * password master-domain.sh generated into .work/secrets/payara-admin-meridian-st).
 */
class ControlPlaneOperationsIT {

  private static final String JMX = System.getProperty("meridian.st.jmx", "127.0.0.1:21086");

  private static JsonObject check(Http.Reply health, String name) {
    return health.json().getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }

  @Test
  void readinessSaysTheDatabaseAnswersAndTheBootstrapIsDone() {
    Http.Reply ready = Http.anonymous().get("/health/ready");
    assertEquals(200, ready.status(), ready.toString());
    assertEquals("UP", ready.json().getString("status"));
    assertEquals("UP", check(ready, "meridian-database").getString("status"));
    assertTrue(
        check(ready, "meridian-database").getJsonObject("data").containsKey("responseMillis"));
    assertEquals("UP", check(ready, "meridian-bootstrap").getString("status"));

    Http.Reply live = Http.anonymous().get("/health/live");
    assertEquals(200, live.status(), live.toString());
    assertEquals("UP", check(live, "meridian-control-plane").getString("status"));

    Http.Reply started = Http.anonymous().get("/health/started");
    assertEquals(200, started.status(), started.toString());
    assertEquals("UP", check(started, "meridian-bootstrap").getString("status"));
  }

  @Test
  void metricsAndTheMxBeanShowTheSameFigures() throws Exception {
    Http publisher = Fixtures.publisher();
    String apiId = Fixtures.publishedApi(publisher);
    String context = publisher.get("/publisher/api/v1/apis/" + apiId).json().getString("context");

    // The publication is announced within seconds; then the outbox is empty again.
    try (JMXConnector connector =
        JMXConnectorFactory.connect(
            new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + JMX + "/jmxrmi"),
            Map.of(
                JMXConnector.CREDENTIALS,
                new String[] {"admin", Wan.secret("payara-admin-meridian-st")}))) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      ObjectName name = new ObjectName("io.meridian:type=ControlPlane");
      Await.until(
          () ->
              attribute(server, name, "LastPublication")
                  .toString()
                  .contains(context + "/1.0 revision 1 PUBLISHED"),
          30_000,
          () -> "LastPublication " + attribute(server, name, "LastPublication"));
      Await.until(
          () -> (long) attribute(server, name, "OutboxBacklog") == 0,
          30_000,
          () -> "OutboxBacklog " + attribute(server, name, "OutboxBacklog"));
      assertEquals(0L, attribute(server, name, "OldestPendingSeconds"));

      CompositeData[] keys = (CompositeData[]) attribute(server, name, "SigningKeys");
      assertTrue(keys.length >= 1);
      assertEquals("ACTIVE", keys[0].get("state"));
      // The gateway node of the system tests acknowledges what it activates.
      Await.until(
          () -> deploymentOf(server, name, apiId) != null,
          30_000,
          () -> "no deployment of " + apiId);
      CompositeData deployment = deploymentOf(server, name, apiId);
      assertEquals(1, deployment.get("revision"));
      assertTrue((long) deployment.get("lagSeconds") >= 0);

      Http.Reply metrics = Http.anonymous().get("/metrics");
      assertEquals(200, metrics.status());
      assertTrue(
          metrics.body().contains("meridian_outbox_backlog{mp_scope=\"application\"} 0"),
          metrics.body());
      assertTrue(metrics.body().contains("# TYPE meridian_outbox_oldest_pending_seconds gauge"));
      assertTrue(
          metrics
              .body()
              .contains("meridian_signing_keys{mp_scope=\"application\"} " + keys.length));
    }
  }

  private static CompositeData deploymentOf(
      MBeanServerConnection server, ObjectName name, String apiId) {
    for (CompositeData d : (CompositeData[]) attribute(server, name, "Deployments")) {
      if (apiId.equals(d.get("api"))) {
        return d;
      }
    }
    return null;
  }

  private static Object attribute(MBeanServerConnection server, ObjectName name, String attr) {
    try {
      return server.getAttribute(name, attr);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + attr, e);
    }
  }
}
