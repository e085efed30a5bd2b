package io.meridian.gateway.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A revoked access token, by its {@code jti}, until it would have expired anyway. */
@Entity
@Table(name = "token_revocations")
public class ReplicaRevocation {

  @Id private String jti;

  @Column(name = "expires_at", updatable = false, insertable = false)
  private OffsetDateTime expiresAt;

  protected ReplicaRevocation() {}

  public String jti() {
    return jti;
  }
}
