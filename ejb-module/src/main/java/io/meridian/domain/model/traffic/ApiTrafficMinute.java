package io.meridian.domain.model.traffic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What one gateway node answered for one API in one UTC minute. Nodes report a minute's figures
 * cumulatively, several times while it runs and once more when it has ended; reports can arrive
 * twice or out of order (store-and-forward across the WAN), so a report only replaces the figures
 * when it counts at least as many requests.
 */
@Entity
@Table(name = "api_traffic")
@IdClass(ApiTrafficMinute.Key.class)
public class ApiTrafficMinute {

  @Id
  @Column(name = "api_id", length = 36)
  private String apiId;

  @Id private OffsetDateTime minute;

  @Id
  @Column(length = 64)
  private String datacenter;

  @Id
  @Column(length = 128)
  private String node;

  @Column(nullable = false)
  private long requests;

  @Column(name = "client_errors", nullable = false)
  private long clientErrors;

  @Column(name = "server_errors", nullable = false)
  private long serverErrors;

  @Column(name = "p95_millis", nullable = false)
  private double p95Millis;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  protected ApiTrafficMinute() {}

  public ApiTrafficMinute(String apiId, OffsetDateTime minute, String datacenter, String node) {
    this.apiId = apiId;
    this.minute = minute;
    this.datacenter = datacenter;
    this.node = node;
  }

  /**
   * Takes a node's report of this minute, unless it counts fewer requests than already known (an
   * older report delivered late or again). Returns whether it was taken.
   */
  public boolean report(
      long requests,
      long clientErrors,
      long serverErrors,
      double p95Millis,
      OffsetDateTime receivedAt) {
    if (this.receivedAt != null && requests < this.requests) {
      return false;
    }
    this.requests = requests;
    this.clientErrors = clientErrors;
    this.serverErrors = serverErrors;
    this.p95Millis = p95Millis;
    this.receivedAt = receivedAt;
    return true;
  }

  public String apiId() {
    return apiId;
  }

  public OffsetDateTime minute() {
    return minute;
  }

  public String datacenter() {
    return datacenter;
  }

  public String node() {
    return node;
  }

  public long requests() {
    return requests;
  }

  public long clientErrors() {
    return clientErrors;
  }

  public long serverErrors() {
    return serverErrors;
  }

  public double p95Millis() {
    return p95Millis;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String apiId;
    public OffsetDateTime minute;
    public String datacenter;
    public String node;

    public Key() {}

    public Key(String apiId, OffsetDateTime minute, String datacenter, String node) {
      this.apiId = apiId;
      this.minute = minute;
      this.datacenter = datacenter;
      this.node = node;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && apiId.equals(k.apiId)
          && minute.isEqual(k.minute)
          && datacenter.equals(k.datacenter)
          && node.equals(k.node);
    }

    @Override
    public int hashCode() {
      return Objects.hash(apiId, minute.toInstant(), datacenter, node);
    }
  }
}
