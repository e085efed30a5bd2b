package io.meridian.shared.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * HTTP Basic credentials read from a file holding {@code user:password} on one line. Neither the
 * file's content nor the header value ever appears in a message or in {@link #toString()}.
 */
final class BasicCredentials {

  private final Path file;
  private final String header;

  private BasicCredentials(Path file, String header) {
    this.file = file;
    this.header = header;
  }

  /**
   * @throws IllegalArgumentException naming the file (never its content), when it cannot be read or
   *     is not {@code user:password}
   */
  static BasicCredentials from(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the credentials file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    String line = content.replaceFirst("\\R\\z", "");
    if (line.indexOf(':') <= 0 || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "The credentials file " + file + " must hold one line user:password");
    }
    return new BasicCredentials(
        file, "Basic " + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)));
  }

  /** The value of the {@code Authorization} header. */
  String header() {
    return header;
  }

  @Override
  public String toString() {
    return "credentials from " + file;
  }
}
