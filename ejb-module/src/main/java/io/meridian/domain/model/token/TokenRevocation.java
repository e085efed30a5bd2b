package io.meridian.domain.model.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A revoked access token, by its {@code jti}. Kept until the token would have expired anyway;
 * gateways read these to refuse revoked tokens locally.
 */
@Entity
@Table(name = "token_revocations")
public class TokenRevocation {

  @Id
  @Column(name = "jti", length = 64)
  private String jti;

  @Column(name = "client_id", nullable = false, length = 64)
  private String clientId;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at", nullable = false)
  private OffsetDateTime revokedAt;

  protected TokenRevocation() {}

  public TokenRevocation(
      String jti, String clientId, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    this.jti = jti;
    this.clientId = clientId;
    this.expiresAt = expiresAt;
    this.revokedAt = revokedAt;
  }

  public String jti() {
    return jti;
  }

  public String clientId() {
    return clientId;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }
}
