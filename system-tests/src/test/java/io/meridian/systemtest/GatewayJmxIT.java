package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An administrator's JMX client against the system-test gateway node, which gateway-node.sh started
 * with {@code --jmx-port}: standard RMI connector, password authentication, the {@code io.meridian}
 * MXBeans read and the sync's {@code resync()} invoked.
 */
class GatewayJmxIT {

  private static final String ADDRESS =
      System.getProperty("meridian.st.gateway.jmx", "127.0.0.1:21286");
  private static final Path PASSWORD_FILE =
      Path.of(
          System.getProperty(
              "meridian.st.gateway.jmx.password-file", "../.work/secrets/jmx-st-gateway.password"));

  private static Backend backend;
  private static String context;
  private static JMXConnector connector;
  private static MBeanServerConnection server;

  @BeforeAll
  static void publishCallAndConnect() throws Exception {
    backend = new Backend();
    Http publisher = Fixtures.publisher();
    context = "/" + Fixtures.unique("jmx");
    Fixtures.publish(
        publisher,
        """
        {"name":"JMX test","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/public","authRequired":false}],
         "endpoints":{"production":{"url":"%s"}}}
        """
            .formatted(context, backend.url()));
    Await.response(
        () -> GatewayClient.send("GET", GatewayIT.GATEWAY + context + "/1.0/public", null),
        r -> r.statusCode() == 204,
        10_000);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          GatewayClient.send("GET", GatewayIT.GATEWAY + context + "/1.0/public", null);
      assertEquals(204, r.statusCode());
    }
    connector = connect(credentials());
    server = connector.getMBeanServerConnection();
  }

  @AfterAll
  static void close() throws IOException {
    if (connector != null) {
      connector.close();
    }
    backend.close();
  }

  private static String[] credentials() throws IOException {
    String[] userAndPassword =
        Files.readString(PASSWORD_FILE, StandardCharsets.UTF_8).trim().split("\\s+", 2);
    SecretsUsed.remember(userAndPassword[1]);
    return userAndPassword;
  }

  private static JMXConnector connect(String[] credentials) throws IOException {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + ADDRESS + "/jmxrmi");
    return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, credentials));
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThrows(
        SecurityException.class, () -> connect(new String[] {"meridian-ops", "not-the-password"}));
  }

  @Test
  void theGatewayBeanCountsTheCallsPerApi() throws Exception {
    ObjectName gateway = new ObjectName("io.meridian:type=Gateway");
    assertTrue((Integer) server.getAttribute(gateway, "RouteCount") >= 1);
    assertTrue((Long) server.getAttribute(gateway, "Requests") >= 20);
    assertTrue((Long) server.getAttribute(gateway, "ActiveManifestRevision") > 0);
    CompositeData[] apis = (CompositeData[]) server.getAttribute(gateway, "Apis");
    CompositeData ours =
        Arrays.stream(apis)
            .filter(a -> context.equals(a.get("context")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no traffic figures for " + context));
    assertTrue((Long) ours.get("requests") >= 20, ours.toString());
    assertEquals(0L, ours.get("serverErrors"));
  }

  @Test
  void theSyncBeanReportsAndResyncsOnRequest() throws Exception {
    ObjectName sync = new ObjectName("io.meridian:type=Sync");
    long active = (Long) server.getAttribute(sync, "ActiveManifestRevision");
    assertTrue(active > 0, "active manifest revision " + active);
    assertEquals(0L, server.getAttribute(sync, "RejectedArtifacts"));
    server.invoke(sync, "resync", new Object[0], new String[0]);
    assertTrue((Boolean) server.getAttribute(sync, "ArtifactServerReachable"));
    assertEquals(active, server.getAttribute(sync, "ActiveManifestRevision"));
  }
}
