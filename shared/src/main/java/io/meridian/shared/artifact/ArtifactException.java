package io.meridian.shared.artifact;

/** An artifact, manifest or signature that cannot be trusted or read; {@code code} is stable. */
public class ArtifactException extends RuntimeException {

  private final String code;

  public ArtifactException(String code, String message) {
    super(message);
    this.code = code;
  }

  public ArtifactException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
