package io.meridian.domain.model.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An outbox entry: "publish this API revision in this state to every datacenter". Written in the
 * transaction of the lifecycle change; a worker publishes it (the artifact), announces it, and then
 * lists it in a manifest (which covers every entry published up to then). Each step may be repeated
 * after a crash: they are idempotent.
 */
@Entity
@Table(name = "publication_outbox")
public class Publication {

  private static final int MAX_ERROR = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "api_id", nullable = false, length = 36)
  private String apiId;

  @Column(nullable = false)
  private int revision;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  @Column(name = "artifact_sha256", length = 64)
  private String artifactSha256;

  @Column(name = "announced_at")
  private OffsetDateTime announcedAt;

  @Column(length = 32)
  private String lsn;

  @Column(name = "manifest_at")
  private OffsetDateTime manifestAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 512)
  private String lastError;

  protected Publication() {}

  public Publication(String apiId, int revision, String state, OffsetDateTime requestedAt) {
    this.apiId = apiId;
    this.revision = revision;
    this.state = state;
    this.requestedAt = requestedAt;
  }

  /** The artifact is on the artifact server, and the API's deployed artifact recorded. */
  public void published(String sha256, OffsetDateTime at) {
    this.artifactSha256 = sha256;
    this.publishedAt = at;
    this.lastError = null;
  }

  /** Nothing to publish any more (the revision is gone); recorded, never announced. */
  public void skipped(String reason, OffsetDateTime at) {
    this.publishedAt = at;
    this.announcedAt = at;
    this.lastError = truncate(reason);
  }

  public void announced(String lsn, OffsetDateTime at) {
    this.lsn = lsn;
    this.announcedAt = at;
  }

  public void failed(String error) {
    this.attempts++;
    this.lastError = truncate(error);
  }

  private static String truncate(String s) {
    return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
  }

  public Long id() {
    return id;
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

  public OffsetDateTime requestedAt() {
    return requestedAt;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  public String artifactSha256() {
    return artifactSha256;
  }

  public OffsetDateTime announcedAt() {
    return announcedAt;
  }

  public boolean isPublished() {
    return publishedAt != null;
  }

  public boolean isAnnounced() {
    return announcedAt != null;
  }

  /** Whether a manifest on the artifact server covers this entry. */
  public boolean isListed() {
    return manifestAt != null;
  }
}
