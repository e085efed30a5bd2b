package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No process of the run had a secret of the set-up on its command line (where ps shows it to every
 * user): scripts/test.sh runs scripts/lib/cmdline_watch.py from before the first test to after the
 * last, and this reads what it has seen so far (test.sh checks its final report too).
 */
@Order(Integer.MAX_VALUE - 1)
class CommandLineSecretsIT {

  private static final Path REPORT =
      Path.of(System.getProperty("meridian.work", "../.work")).resolve("cmdline-watch.json");

  @Test
  void noCommandLineHeldASecretOfTheSetUp() throws IOException {
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    Assumptions.assumeTrue(
        Files.exists(REPORT) && Files.getLastModifiedTime(REPORT).toMillis() > started,
        "no command-line watcher is running: run the tests with scripts/test.sh");
    JsonObject report = (JsonObject) Http.parse(Files.readString(REPORT));
    assertTrue(report.getBoolean("self_check"), "the watcher proved it sees command lines");
    // Watching since before the domains, brokers and databases were made (they are generated then).
    assertTrue(report.getInt("secrets_known") >= 15, report.toString());
    assertTrue(report.getInt("samples") > 1000, report.toString());
    assertEquals(0, report.getJsonArray("findings").size(), report.toString());
  }
}
