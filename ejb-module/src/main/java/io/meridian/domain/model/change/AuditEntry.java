package io.meridian.domain.model.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who did what to which object, and when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "entity_type", nullable = false, length = 32)
  private String entityType;

  @Column(name = "entity_id", nullable = false, length = 64)
  private String entityId;

  @Column(name = "action", nullable = false, length = 64)
  private String action;

  @Column(name = "actor", nullable = false, length = 64)
  private String actor;

  @Column(name = "at", nullable = false)
  private OffsetDateTime at;

  @Column(name = "detail", nullable = false, length = 1000)
  private String detail;

  protected AuditEntry() {}

  public AuditEntry(
      String entityType,
      String entityId,
      String action,
      String actor,
      OffsetDateTime at,
      String detail) {
    this.entityType = entityType;
    this.entityId = entityId;
    this.action = action;
    this.actor = actor;
    this.at = at;
    this.detail = detail == null ? "" : detail;
  }

  public String entityType() {
    return entityType;
  }

  public String entityId() {
    return entityId;
  }

  public String action() {
    return action;
  }

  public String actor() {
    return actor;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String detail() {
    return detail;
  }
}
