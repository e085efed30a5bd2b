package io.meridian.domain.model.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One change a gateway must apply, written in the same transaction as the change itself. Entries
 * carry ids, never copies of the data, so a follower always reads the current row.
 */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  private Long sequence;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_type", nullable = false, length = 32)
  private ChangeType type;

  @Column(name = "entity_id", nullable = false, length = 64)
  private String entityId;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected ChangeLogEntry() {}

  public ChangeLogEntry(ChangeType type, String entityId, OffsetDateTime changedAt) {
    this.type = type;
    this.entityId = entityId;
    this.changedAt = changedAt;
  }

  public Long sequence() {
    return sequence;
  }

  public ChangeType type() {
    return type;
  }

  public String entityId() {
    return entityId;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }
}
