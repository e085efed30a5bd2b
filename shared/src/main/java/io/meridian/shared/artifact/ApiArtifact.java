package io.meridian.shared.artifact;

import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.ApiDefinitionJson;
import io.meridian.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One API revision in one lifecycle state, as published to gateways. Its canonical JSON is
 * byte-stable, so its SHA-256 names it on the artifact server.
 *
 * @param state PUBLISHED, DEPRECATED, BLOCKED (routed, answered 503) or RETIRED (not routed)
 */
public record ApiArtifact(
    String apiId, int revision, ArtifactState state, ApiDefinition definition) {

  public static final int FORMAT = 1;

  public ApiArtifact {
    Objects.requireNonNull(state, "state");
    if (!definition.apiId().equals(apiId)) {
      throw new IllegalArgumentException("Artifact and definition disagree on the API id");
    }
  }

  public boolean routed() {
    return state.routed();
  }

  public boolean blocked() {
    return state.blocked();
  }

  /** Canonical bytes: fixed key order, no white space. */
  public byte[] toBytes() {
    String json =
        "{\"apiId\":"
            + Jsons.PROVIDER.createValue(apiId)
            + ",\"definition\":"
            + ApiDefinitionJson.write(definition)
            + ",\"format\":"
            + FORMAT
            + ",\"revision\":"
            + revision
            + ",\"state\":"
            + Jsons.PROVIDER.createValue(state.name())
            + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  public static ApiArtifact fromBytes(byte[] bytes) {
    JsonObject o;
    try (var reader =
        Jsons.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      o = reader.readObject();
    } catch (RuntimeException e) {
      throw new ArtifactException("not_json", "The artifact is not a JSON object", e);
    }
    if (o.getInt("format", -1) != FORMAT) {
      throw new ArtifactException("unknown_format", "Unknown artifact format");
    }
    try {
      return new ApiArtifact(
          o.getString("apiId"),
          o.getInt("revision"),
          ArtifactState.parse(o.getString("state")),
          ApiDefinitionJson.read(o.getJsonObject("definition").toString()));
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException("malformed", "The artifact is malformed: " + e.getMessage(), e);
    }
  }
}
