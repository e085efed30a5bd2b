package io.meridian.shared.artifact;

/** Where each file lives on the artifact server. */
public final class ArtifactPaths {

  /** Holds the number of the latest manifest; unsigned, so a reader never goes backwards. */
  public static final String LATEST_MANIFEST = "manifests/latest";

  private ArtifactPaths() {}

  public static String artifact(String sha256) {
    return "artifacts/" + sha256 + ".json";
  }

  public static String manifest(long revision) {
    return "manifests/" + revision + ".json";
  }

  public static String signatureOf(String path) {
    return path + ".sig";
  }
}
