package io.meridian.domain.model.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An asymmetric token signing key. The public half is a JWK that gateways read; the private half is
 * stored encrypted with a secret that only the master holds, because every table replicates to the
 * read-only datacenters.
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

  @Id
  @Column(name = "kid", length = 64)
  private String kid;

  @Column(name = "algorithm", nullable = false, length = 16)
  private String algorithm;

  @Column(name = "public_jwk", nullable = false, columnDefinition = "text")
  private String publicJwk;

  @Column(name = "private_key_encrypted", nullable = false, columnDefinition = "text")
  private String privateKeyEncrypted;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private SigningKeyState state;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "retired_at")
  private OffsetDateTime retiredAt;

  protected SigningKey() {}

  public SigningKey(
      String kid,
      String algorithm,
      String publicJwk,
      String privateKeyEncrypted,
      OffsetDateTime now) {
    this.kid = kid;
    this.algorithm = algorithm;
    this.publicJwk = publicJwk;
    this.privateKeyEncrypted = privateKeyEncrypted;
    this.state = SigningKeyState.ACTIVE;
    this.createdAt = now;
  }

  public void retire(OffsetDateTime now) {
    if (state == SigningKeyState.ACTIVE) {
      state = SigningKeyState.RETIRED;
      retiredAt = now;
    }
  }

  /**
   * Whether verifiers still need this key: while it signs, and after retirement until the last
   * token it signed has expired.
   */
  public boolean isPublished(OffsetDateTime now, Duration maxTokenLifetime) {
    return state == SigningKeyState.ACTIVE || retiredAt.plus(maxTokenLifetime).isAfter(now);
  }

  public boolean isActive() {
    return state == SigningKeyState.ACTIVE;
  }

  public String kid() {
    return kid;
  }

  public String algorithm() {
    return algorithm;
  }

  public String publicJwk() {
    return publicJwk;
  }

  public String privateKeyEncrypted() {
    return privateKeyEncrypted;
  }

  public SigningKeyState state() {
    return state;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime retiredAt() {
    return retiredAt;
  }
}
