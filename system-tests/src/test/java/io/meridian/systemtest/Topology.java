package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  private Topology() {}

  /**
   * A gateway node's administration URL (/health/ready, /health/live, /metrics, /-/sync): Payara
   * Micro's own listener, which gateway-node.sh puts 1000 above the public port.
   */
  static String adminOf(String gatewayUrl) {
    URI u = URI.create(gatewayUrl);
    return u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() + 1000);
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
