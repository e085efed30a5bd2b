package io.meridian.sync;

import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.Digests;
import io.meridian.shared.artifact.DirectoryArtifactStore;
import io.meridian.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The artifacts a node serves, on its own disk: a node restarted while the master DC and the
 * artifact server are unreachable starts with them. Files are content-addressed and checked against
 * their hash when read; {@code active.json} lists what was active, written atomically.
 */
public final class LastKnownGoodCache {

  private static final Logger LOG = Logger.getLogger(LastKnownGoodCache.class.getName());

  private final Path dir;

  /** The newest manifest revision among the artifacts last recorded as active (or read back). */
  private volatile long revision;

  public LastKnownGoodCache(Path dir) {
    this.dir = dir;
  }

  public void storeArtifact(String sha256, byte[] bytes) throws IOException {
    Path target = dir.resolve("artifacts").resolve(sha256 + ".json");
    if (!Files.exists(target)) {
      DirectoryArtifactStore.writeAtomically(target, bytes);
    }
  }

  public Optional<byte[]> artifact(String sha256) throws IOException {
    try {
      byte[] bytes = Files.readAllBytes(dir.resolve("artifacts").resolve(sha256 + ".json"));
      return Digests.sha256(bytes).equals(sha256) ? Optional.of(bytes) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Records the active set (the artifacts must have been stored first). */
  public void writeActive(Map<String, ActiveApi> apis) throws IOException {
    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
    apis.values()
        .forEach(
            a ->
                list.add(
                    Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("apiId", a.artifact().apiId())
                        .add("sha256", a.sha256())
                        .add("publishedAt", a.publishedAt())));
    byte[] json =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("active", list)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    DirectoryArtifactStore.writeAtomically(dir.resolve("active.json"), json);
    revision = newest(apis);
  }

  /**
   * The newest manifest revision at which any API in the cache's active set was published: what the
   * node would serve again after a restart with the master unreachable (0: nothing cached yet).
   */
  public long revision() {
    return revision;
  }

  private static long newest(Map<String, ActiveApi> apis) {
    long newest = 0;
    for (ActiveApi a : apis.values()) {
      newest = Math.max(newest, a.publishedAt());
    }
    return newest;
  }

  /**
   * What was active when the node last ran; entries whose file is missing or corrupt are skipped.
   */
  public Map<String, ActiveApi> readActive() throws IOException {
    Map<String, ActiveApi> out = new LinkedHashMap<>();
    byte[] json;
    try {
      json = Files.readAllBytes(dir.resolve("active.json"));
    } catch (NoSuchFileException e) {
      return out;
    }
    JsonObject o;
    try (var reader =
        Jsons.PROVIDER.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
      o = reader.readObject();
    }
    for (JsonValue v : o.getJsonArray("active")) {
      JsonObject e = v.asJsonObject();
      String sha = e.getString("sha256");
      Optional<byte[]> bytes = artifact(sha);
      if (bytes.isEmpty()) {
        LOG.warning(() -> "Cached artifact " + sha + " is missing or corrupt; skipped");
        continue;
      }
      ApiArtifact artifact = ApiArtifact.fromBytes(bytes.get());
      out.put(
          artifact.apiId(),
          new ActiveApi(sha, e.getJsonNumber("publishedAt").longValue(), artifact));
    }
    revision = newest(out);
    return out;
  }
}
