package io.meridian.gateway.replica;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change-log entry; the gateway only needs the highest sequence. */
@Entity
@Table(name = "change_log")
public class ReplicaChange {

  @Id private Long seq;

  protected ReplicaChange() {}
}
