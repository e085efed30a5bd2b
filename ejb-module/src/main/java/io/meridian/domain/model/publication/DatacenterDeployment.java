package io.meridian.domain.model.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/** What one gateway node of one datacenter last acknowledged serving for an API. */
@Entity
@Table(name = "datacenter_deployments")
@IdClass(DatacenterDeployment.Key.class)
public class DatacenterDeployment {

  @Id
  @Column(length = 64)
  private String datacenter;

  @Id
  @Column(length = 128)
  private String node;

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

  @Column(name = "activated_at", nullable = false)
  private OffsetDateTime activatedAt;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(name = "lag_millis")
  private Long lagMillis;

  protected DatacenterDeployment() {}

  public DatacenterDeployment(String datacenter, String node, String apiId) {
    this.datacenter = datacenter;
    this.node = node;
    this.apiId = apiId;
  }

  /**
   * Records an acknowledgement; an older one (lower manifest revision) arriving late never
   * overwrites a newer one.
   *
   * @param publishedAt when the master published this artifact, if it still knows, for the lag
   */
  public void acknowledge(
      int revision,
      String state,
      String sha256,
      long manifestRevision,
      OffsetDateTime activatedAt,
      OffsetDateTime receivedAt,
      OffsetDateTime publishedAt) {
    if (this.activatedAt != null && manifestRevision < this.manifestRevision) {
      return;
    }
    this.revision = revision;
    this.state = state;
    this.sha256 = sha256;
    this.manifestRevision = manifestRevision;
    this.activatedAt = activatedAt;
    this.receivedAt = receivedAt;
    this.lagMillis =
        publishedAt == null ? null : Duration.between(publishedAt, activatedAt).toMillis();
  }

  public String datacenter() {
    return datacenter;
  }

  public String node() {
    return node;
  }

  public String apiId() {
    return apiId;
  }

  public int revision() {
    return revision;
  }

  public String state() {
    return state;
  }

  public String sha256() {
    return sha256;
  }

  public long manifestRevision() {
    return manifestRevision;
  }

  public OffsetDateTime activatedAt() {
    return activatedAt;
  }

  public Long lagMillis() {
    return lagMillis;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String datacenter;
    public String node;
    public String apiId;

    public Key() {}

    public Key(String datacenter, String node, String apiId) {
      this.datacenter = datacenter;
      this.node = node;
      this.apiId = apiId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && datacenter.equals(k.datacenter)
          && node.equals(k.node)
          && apiId.equals(k.apiId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(datacenter, node, apiId);
    }
  }
}
