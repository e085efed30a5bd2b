package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The two-datacenter topology the build started (scripts/dc.sh), and its switches. */
final class Topology {

  static final String MASTER =
      System.getProperty("meridian.mdc.master.url", "http://10.201.1.1:8080");
  static final String MASTER_GATEWAY =
      System.getProperty("meridian.mdc.master.gateway.url", "http://10.201.1.1:8280");
  static final String REPLICA_GATEWAY =
      System.getProperty("meridian.mdc.replica.gateway.url", "http://10.201.2.1:8280");
  static final String HOST_ADDRESS = System.getProperty("meridian.mdc.host.address", "10.201.0.1");
  static final String ARTIFACT_FILES =
      System.getProperty("meridian.mdc.artifact.files", "/var/lib/meridian/artifact-server/files");
  private static final String SCRIPT =
      System.getProperty("meridian.mdc.script", "../scripts/dc.sh");
  private static final Path WORK = Path.of(System.getProperty("meridian.work", "../.work"));

  private Topology() {}

  /**
   * A gateway node's administration URL (/health/ready, /health/live, /metrics, /-/sync): Payara
   * Micro's own listener, which gateway-node.sh puts 1000 above the public port. All but the health
   * checks need {@link #nodeAdminAuthorization}.
   */
  static String adminOf(String gatewayUrl) {
    URI u = URI.create(gatewayUrl);
    return u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() + 1000);
  }

  /**
   * The name dc.sh gives the gateway node at {@code gatewayUrl}: gw-m in the master DC; gw-r1,
   * gw-r2, ... in the read-only one, whose public ports follow each other from {@link
   * #REPLICA_GATEWAY}'s.
   */
  static String nodeOf(String gatewayUrl) {
    URI u = URI.create(gatewayUrl);
    URI master = URI.create(MASTER_GATEWAY);
    URI replica = URI.create(REPLICA_GATEWAY);
    if (u.getHost().equals(master.getHost()) && u.getPort() == master.getPort()) {
      return "gw-m";
    }
    if (u.getHost().equals(replica.getHost()) && u.getPort() >= replica.getPort()) {
      return "gw-r" + (u.getPort() - replica.getPort() + 1);
    }
    throw new IllegalArgumentException("No gateway node of the topology at " + gatewayUrl);
  }

  /**
   * The {@code Authorization} header that opens a gateway node's administration port beyond its
   * health checks: HTTP Basic with the node operator's credential, which gateway-node.sh keeps in
   * {@code ${meridian.work}/secrets/node-admin-NODE.credentials} as {@code meridian-ops:PASSWORD}.
   */
  static String nodeAdminAuthorization(String node) {
    Path file = WORK.resolve("secrets").resolve("node-admin-" + node + ".credentials");
    String credential;
    try {
      credential = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("No administration credential for node " + node, e);
    }
    SecretsUsed.remember(credential.substring(credential.indexOf(':') + 1));
    return "Basic "
        + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs {@code scripts/dc.sh ARGS}; returns its standard output. */
  static String run(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(new File("/dev/null"))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("dc.sh " + String.join(" ", args) + " did not finish");
      }
      assertEquals(0, p.exitValue(), "dc.sh " + String.join(" ", args) + " failed: " + out);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void partition() {
    run("partition");
  }

  static void heal() {
    run("heal");
  }

  /** The WAN link's counters: name to packets. */
  static Map<String, Long> counters() {
    Map<String, Long> out = new HashMap<>();
    for (String line : run("counters").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2) {
        out.put(f[0], Long.parseLong(f[1]));
      }
    }
    return out;
  }
}
