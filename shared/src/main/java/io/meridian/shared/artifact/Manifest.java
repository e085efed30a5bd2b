package io.meridian.shared.artifact;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The set of artifacts gateways must serve, at a global revision that only grows. Signed like an
 * artifact; a gateway never goes back to a lower revision.
 */
public record Manifest(long revision, List<Entry> entries) {

  /** One API's current artifact. */
  public record Entry(String apiId, int revision, String state, String sha256) {}

  public Manifest {
    entries = entries.stream().sorted(Comparator.comparing(Entry::apiId)).toList();
  }

  public byte[] toBytes() {
    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
    for (Entry e : entries) {
      list.add(
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("apiId", e.apiId())
              .add("revision", e.revision())
              .add("sha256", e.sha256())
              .add("state", e.state()));
    }
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("entries", list)
        .add("format", 1)
        .add("revision", revision)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  public static Manifest fromBytes(byte[] bytes) {
    try (var reader =
        Jsons.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      JsonObject o = reader.readObject();
      List<Entry> entries = new ArrayList<>();
      for (JsonValue v : o.getJsonArray("entries")) {
        JsonObject e = v.asJsonObject();
        String sha = e.getString("sha256");
        if (!Digests.isSha256(sha)) {
          throw new ArtifactException("malformed", "Bad artifact hash in manifest");
        }
        entries.add(
            new Entry(e.getString("apiId"), e.getInt("revision"), e.getString("state"), sha));
      }
      return new Manifest(o.getJsonNumber("revision").longValue(), entries);
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException("malformed", "Unreadable manifest", e);
    }
  }
}
