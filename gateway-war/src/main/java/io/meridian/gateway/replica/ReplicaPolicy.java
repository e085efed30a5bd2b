package io.meridian.gateway.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A throttling policy (a tier), as gateways enforce it. */
@Entity
@Table(name = "tiers")
public class ReplicaPolicy {

  @Id private String name;

  @Column(name = "request_count", updatable = false, insertable = false)
  private long requestCount;

  @Column(name = "unit_seconds", updatable = false, insertable = false)
  private int unitSeconds;

  @Column(name = "burst_per_second", updatable = false, insertable = false)
  private Integer burstPerSecond;

  @Column(name = "bandwidth_bytes", updatable = false, insertable = false)
  private Long bandwidthBytes;

  @Column(name = "bandwidth_unit_seconds", updatable = false, insertable = false)
  private Integer bandwidthUnitSeconds;

  @Column(name = "global_quota", updatable = false, insertable = false)
  private boolean globalQuota;

  protected ReplicaPolicy() {}

  public String name() {
    return name;
  }

  public long requestCount() {
    return requestCount;
  }

  public int unitSeconds() {
    return unitSeconds;
  }

  /** 0 for none. */
  public long burstPerSecond() {
    return burstPerSecond == null ? 0 : burstPerSecond;
  }

  /** 0 for none. */
  public long bandwidthBytes() {
    return bandwidthBytes == null ? 0 : bandwidthBytes;
  }

  public int bandwidthUnitSeconds() {
    return bandwidthUnitSeconds == null ? 1 : bandwidthUnitSeconds;
  }

  public boolean globalQuota() {
    return globalQuota;
  }
}
