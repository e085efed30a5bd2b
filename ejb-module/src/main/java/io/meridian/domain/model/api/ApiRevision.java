package io.meridian.domain.model.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An immutable, numbered snapshot of an API's definition, frozen when the API was published. Its
 * canonical JSON and SHA-256 are what gateways and artifacts work from.
 */
@Entity
@Table(name = "api_revisions")
public class ApiRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "api_id", nullable = false, updatable = false, length = 36)
  private String apiId;

  @Column(name = "number", nullable = false, updatable = false)
  private int number;

  @Column(name = "definition", nullable = false, updatable = false, columnDefinition = "text")
  private String definition;

  @Column(name = "sha256", nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected ApiRevision() {}

  ApiRevision(
      String apiId,
      int number,
      String definition,
      String sha256,
      String createdBy,
      OffsetDateTime createdAt) {
    this.apiId = apiId;
    this.number = number;
    this.definition = definition;
    this.sha256 = sha256;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public String apiId() {
    return apiId;
  }

  public int number() {
    return number;
  }

  public String definition() {
    return definition;
  }

  public String sha256() {
    return sha256;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
