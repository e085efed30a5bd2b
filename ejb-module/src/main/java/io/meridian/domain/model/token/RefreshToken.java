package io.meridian.domain.model.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A refresh token, kept as the hash of its opaque value. It is rotated on use: the old one is
 * revoked when a new one is issued (OAuth 2.0 Security BCP §4.14).
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "client_id", nullable = false, length = 64)
  private String clientId;

  @Column(name = "application_id", nullable = false, length = 36)
  private String applicationId;

  @Column(name = "subject", nullable = false, length = 64)
  private String subject;

  @Column(name = "scope", nullable = false, length = 2000)
  private String scope;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected RefreshToken() {}

  public RefreshToken(
      String tokenHash,
      String clientId,
      String applicationId,
      String subject,
      String scope,
      OffsetDateTime issuedAt,
      OffsetDateTime expiresAt) {
    this.tokenHash = tokenHash;
    this.clientId = clientId;
    this.applicationId = applicationId;
    this.subject = subject;
    this.scope = scope;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public boolean isUsable(OffsetDateTime now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }

  public boolean belongsTo(String consumerKey) {
    return clientId.equals(consumerKey);
  }

  public void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String tokenHash() {
    return tokenHash;
  }

  public String clientId() {
    return clientId;
  }

  public String applicationId() {
    return applicationId;
  }

  public String subject() {
    return subject;
  }

  public String scope() {
    return scope;
  }

  public OffsetDateTime issuedAt() {
    return issuedAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}
