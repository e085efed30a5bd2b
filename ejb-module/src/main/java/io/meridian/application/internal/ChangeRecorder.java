package io.meridian.application.internal;

import io.meridian.domain.model.change.AuditEntry;
import io.meridian.domain.model.change.AuditLog;
import io.meridian.domain.model.change.ChangeLog;
import io.meridian.domain.model.change.ChangeLogEntry;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.infrastructure.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes the audit trail and the gateway change log in the caller's transaction. */
@ApplicationScoped
public class ChangeRecorder {

  @Inject AuditLog audit;
  @Inject ChangeLog changeLog;
  @Inject TimeSource time;

  public void audit(
      String entityType, String entityId, String action, String actor, String detail) {
    audit.record(new AuditEntry(entityType, entityId, action, actor, time.now(), detail));
  }

  public void changed(ChangeType type, String entityId) {
    changeLog.append(new ChangeLogEntry(type, entityId, time.now()));
  }
}
