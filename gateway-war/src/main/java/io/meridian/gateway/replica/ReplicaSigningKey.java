package io.meridian.gateway.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A token signing key's public half, as the key manager published it. */
@Entity
@Table(name = "signing_keys")
public class ReplicaSigningKey {

  @Id private String kid;

  @Column(name = "public_jwk", updatable = false, insertable = false)
  private String publicJwk;

  protected ReplicaSigningKey() {}

  public String kid() {
    return kid;
  }

  public String publicJwk() {
    return publicJwk;
  }
}
