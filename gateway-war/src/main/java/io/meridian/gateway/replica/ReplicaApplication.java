package io.meridian.gateway.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application, for its throttling tier. */
@Entity
@Table(name = "applications")
public class ReplicaApplication {

  @Id private String id;

  @Column(updatable = false, insertable = false)
  private String tier;

  protected ReplicaApplication() {}

  public String id() {
    return id;
  }

  public String tier() {
    return tier;
  }
}
