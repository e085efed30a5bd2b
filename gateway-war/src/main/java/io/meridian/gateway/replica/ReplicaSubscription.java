package io.meridian.gateway.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application's subscription to an API, and its state. */
@Entity
@Table(name = "subscriptions")
public class ReplicaSubscription {

  @Id private String id;

  @Column(name = "application_id", updatable = false, insertable = false)
  private String applicationId;

  @Column(name = "api_id", updatable = false, insertable = false)
  private String apiId;

  @Column(updatable = false, insertable = false)
  private String state;

  @Column(updatable = false, insertable = false)
  private String tier;

  protected ReplicaSubscription() {}

  public String applicationId() {
    return applicationId;
  }

  public String apiId() {
    return apiId;
  }

  public String state() {
    return state;
  }

  public String tier() {
    return tier;
  }
}
