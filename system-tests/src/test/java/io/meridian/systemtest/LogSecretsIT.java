package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other system test (see junit-platform.properties) and reads the logs they left:
 * the master domains', the gateway nodes' (server and access logs), the brokers' and the artifact
 * servers'. None may hold a password, client secret or token the tests used; the Payara logs are
 * one JSON object per line, without terminal colour codes.
 */
@Order(Integer.MAX_VALUE)
class LogSecretsIT {

  private static final Path WORK = Path.of(System.getProperty("meridian.work", "../.work"));
  private static final Path DOMAINS =
      Path.of(
          System.getProperty(
              "meridian.payara.domains", WORK + "/payara-6.2025.10/payara6/glassfish/domains"));

  /** Where the processes the system tests start write their logs. */
  private static List<Path> logs() {
    List<Path> roots =
        List.of(
            WORK.resolve("gateways"),
            WORK.resolve("dc"),
            WORK.resolve("system-tests"),
            DOMAINS.resolve("meridian-st/logs"),
            DOMAINS.resolve("meridian-dc-master/logs"));
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().matches(".*\\.log(\\.\\d+)?(_[0-9T\\-]+)?"))
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  @Test
  void noLogHoldsASecretTheTestsUsed() throws IOException {
    List<String> secrets = new ArrayList<>(SecretsUsed.all());
    secrets.add(Http.ADMIN_PASSWORD);
    secrets.addAll(Wan.installationSecrets());
    // A scan for nothing proves nothing: the other system tests ran first and recorded theirs.
    assertTrue(
        secrets.size() > 20,
        "only " + secrets.size() + " secrets recorded in " + SecretsUsed.FILE.toAbsolutePath());
    List<Path> logs = logs();
    assertTrue(logs.size() >= 3, "found too few logs to scan: " + logs);
    List<String> leaks = new ArrayList<>();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        if (secret.length() >= SecretsUsed.MIN_LENGTH && text.contains(secret)) {
          leaks.add(log + " holds a secret of " + secret.length() + " characters");
        }
      }
    }
    assertEquals(List.of(), leaks, "scanned " + logs.size() + " logs for " + secrets.size());
  }

  /**
   * What a node prints outside its loggers (a JVM warning, Payara's last words once its logging has
   * stopped) is wrapped by gateway-node.sh as a record of the logger "stdout"; a few such lines are
   * expected at shutdown, more mean a component logs around the JSON formatters.
   */
  private static final int MAX_STDOUT_RECORDS = 5;

  /**
   * Payara Server's launcher writes the JVM's command line into server.log, in its own format,
   * before the server (and the JSON formatter) starts: a block that begins with this message id.
   */
  private static final String LAUNCHER = "[NCLS-GFLAUNCHER-";

  @Test
  void payaraLogsAreOneJsonObjectPerLine() throws IOException {
    // This run's: a log left by an earlier run (or a benchmark) is not this code's output.
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<Path> serverLogs =
        logs().stream()
            .filter(p -> p.getFileName().toString().equals("server.log"))
            .filter(p -> modifiedAfter(p, started))
            .toList();
    assertTrue(serverLogs.size() >= 2, "too few server logs of this run: " + serverLogs);
    List<String> bad = new ArrayList<>();
    for (Path log : serverLogs) {
      int n = 0;
      List<String> stdout = new ArrayList<>();
      boolean inLauncherBlock = false;
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject record = jsonRecord(line);
        if (record == null && (inLauncherBlock || line.contains(LAUNCHER))) {
          inLauncherBlock = true; // the launcher's lines, until the server's own logging starts
          continue;
        }
        inLauncherBlock = false;
        if (record == null) {
          bad.add(log + ":" + n + " is not a JSON log record: " + abbreviate(line));
        } else if (line.indexOf('\u001b') >= 0
            || record.getString("LogMessage", "").indexOf('\u001b') >= 0) {
          bad.add(log + ":" + n + " has a terminal escape code");
        } else if ("stdout".equals(record.getString("LoggerName", ""))) {
          stdout.add(n + ": " + abbreviate(record.getString("LogMessage", "")));
        }
      }
      if (stdout.size() > MAX_STDOUT_RECORDS) {
        bad.add(log + " has " + stdout.size() + " lines printed around the loggers: " + stdout);
      }
    }
    assertEquals(List.of(), bad.stream().limit(20).toList());
  }

  private static boolean modifiedAfter(Path p, long epochMillis) {
    try {
      return Files.size(p) > 0 && Files.getLastModifiedTime(p).toMillis() > epochMillis;
    } catch (IOException e) {
      return false;
    }
  }

  /** The line as a log record (an object with a level or a message), or null. */
  private static JsonObject jsonRecord(String line) {
    try (var reader = Json.createReader(new StringReader(line))) {
      JsonObject o = reader.readObject();
      return o.containsKey("LogMessage") || o.containsKey("Level") ? o : null;
    } catch (JsonException | ClassCastException | IllegalStateException e) {
      return null;
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
