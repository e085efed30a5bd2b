package io.meridian.shared.artifact;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Objects;

/**
 * The master's message that an API revision was published: which artifact, at which manifest
 * revision (the outbox entry's id: one manifest per publication), and the master's WAL position
 * after the commit, which a read-only DC's replica must have replayed before the gateway activates
 * the revision.
 */
public record Announcement(
    String apiId,
    int revision,
    ArtifactState state,
    String sha256,
    long manifestRevision,
    String lsn,
    String publishedAt) {

  public Announcement {
    Objects.requireNonNull(state, "state");
  }

  public String toJson() {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("apiId", apiId)
        .add("revision", revision)
        .add("state", state.name())
        .add("sha256", sha256)
        .add("manifestRevision", manifestRevision)
        .add("lsn", lsn)
        .add("publishedAt", publishedAt)
        .build()
        .toString();
  }

  public static Announcement fromJson(String json) {
    try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      String sha = o.getString("sha256");
      if (!Digests.isSha256(sha)) {
        throw new ArtifactException("malformed", "Announcement with a bad artifact hash");
      }
      return new Announcement(
          o.getString("apiId"),
          o.getInt("revision"),
          ArtifactState.parse(o.getString("state")),
          sha,
          o.getJsonNumber("manifestRevision").longValue(),
          o.getString("lsn"),
          o.getString("publishedAt"));
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException("malformed", "Unreadable announcement", e);
    }
  }
}
