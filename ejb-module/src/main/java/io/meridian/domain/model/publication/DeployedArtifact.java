package io.meridian.domain.model.publication;

import io.meridian.shared.artifact.Manifest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The artifact gateways serve for one API: a line of the manifest. */
@Entity
@Table(name = "deployed_artifacts")
public class DeployedArtifact {

  @Id
  @Column(name = "api_id", length = 36)
  private String apiId;

  @Column(nullable = false)
  private int revision;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "manifest_revision", nullable = false)
  private long manifestRevision;

  @Column(name = "published_at", nullable = false)
  private OffsetDateTime publishedAt;

  protected DeployedArtifact() {}

  public DeployedArtifact(String apiId) {
    this.apiId = apiId;
  }

  public void update(
      int revision, String state, String sha256, long manifestRevision, OffsetDateTime at) {
    this.revision = revision;
    this.state = state;
    this.sha256 = sha256;
    this.manifestRevision = manifestRevision;
    this.publishedAt = at;
  }

  public Manifest.Entry toEntry() {
    return new Manifest.Entry(apiId, revision, state, sha256);
  }

  public String apiId() {
    return apiId;
  }

  public int revision() {
    return revision;
  }

  public String sha256() {
    return sha256;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }
}
