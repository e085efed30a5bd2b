package io.meridian.domain.model.change;

import java.util.List;

/** The audit trail. */
public interface AuditLog {

  void record(AuditEntry entry);

  /** Entries about one object, newest first. */
  List<AuditEntry> of(String entityType, String entityId);
}
