package io.meridian.shared.artifact;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Objects;

/** A gateway node's report, sent back to the master, that it now serves an API's artifact. */
public record DeploymentAck(
    String datacenter,
    String node,
    String apiId,
    int revision,
    ArtifactState state,
    String sha256,
    long manifestRevision,
    String activatedAt) {

  public DeploymentAck {
    Objects.requireNonNull(state, "state");
  }

  public String toJson() {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("datacenter", datacenter)
        .add("node", node)
        .add("apiId", apiId)
        .add("revision", revision)
        .add("state", state.name())
        .add("sha256", sha256)
        .add("manifestRevision", manifestRevision)
        .add("activatedAt", activatedAt)
        .build()
        .toString();
  }

  public static DeploymentAck fromJson(String json) {
    try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      return new DeploymentAck(
          o.getString("datacenter"),
          o.getString("node"),
          o.getString("apiId"),
          o.getInt("revision"),
          ArtifactState.parse(o.getString("state")),
          o.getString("sha256"),
          o.getJsonNumber("manifestRevision").longValue(),
          o.getString("activatedAt"));
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException("malformed", "Unreadable deployment acknowledgement", e);
    }
  }
}
