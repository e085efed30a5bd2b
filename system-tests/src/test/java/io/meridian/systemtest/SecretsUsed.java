package io.meridian.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every password, client secret and token the system tests send or receive, written to a file so
 * that {@link LogSecretsIT} can look for each of them in the logs of the whole run. Recorded where
 * they pass: the HTTP helpers remember the credentials they send and the secrets answers carry.
 */
final class SecretsUsed {

  static final Path FILE = Path.of("target", "secrets-used.txt");

  /** Shorter strings would match by chance (and no secret of the tests is that short). */
  static final int MIN_LENGTH = 8;

  private static final Pattern IN_JSON =
      Pattern.compile(
          "\"(access_token|refresh_token|id_token|password|[A-Za-z]*[sS]ecret)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private SecretsUsed() {}

  static void remember(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH || !SEEN.add(secret)) {
      return;
    }
    try {
      Files.createDirectories(FILE.getParent());
      synchronized (SecretsUsed.class) {
        Files.writeString(
            FILE,
            secret + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The secrets a JSON document (a request or an answer) carries. */
  static void rememberIn(String json) {
    if (json == null || json.isEmpty()) {
      return;
    }
    Matcher m = IN_JSON.matcher(json);
    while (m.find()) {
      remember(m.group(2));
    }
  }

  /** What this and earlier test classes of the run recorded. */
  static List<String> all() {
    try {
      return Files.exists(FILE)
          ? Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
              .filter(s -> !s.isBlank())
              .distinct()
              .toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
