package io.meridian.domain.model.application;

import io.meridian.domain.model.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The OAuth client of an application: its consumer key, the hash of its secret and the grants it
 * may use. The plain secret exists only in the value returned when it is generated.
 */
@Entity
@Table(name = "oauth_clients")
public class OAuthClient {

  @Id
  @Column(name = "consumer_key", length = 64)
  private String consumerKey;

  @Column(name = "application_id", nullable = false, unique = true, length = 36)
  private String applicationId;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Convert(converter = GrantTypesConverter.class)
  @Column(name = "grant_types", nullable = false, length = 200)
  private Set<GrantType> grantTypes;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "secret_rotated_at", nullable = false)
  private OffsetDateTime secretRotatedAt;

  protected OAuthClient() {}

  /** A new client with fresh credentials; the plain secret is only in the returned value. */
  public static Issued issue(String applicationId, Set<GrantType> grants, OffsetDateTime now) {
    OAuthClient client = new OAuthClient();
    client.consumerKey = ClientSecret.random().substring(0, 32);
    client.applicationId = applicationId;
    client.createdAt = now;
    client.setGrants(grants);
    String secret = client.rotateSecret(now);
    return new Issued(client, secret);
  }

  /** Replaces the secret; the old one stops working at once. Returns the new plain secret. */
  public String rotateSecret(OffsetDateTime now) {
    String secret = ClientSecret.random();
    this.secretHash = ClientSecret.hash(secret);
    this.secretRotatedAt = now;
    return secret;
  }

  public void setGrants(Set<GrantType> grants) {
    if (grants == null || grants.isEmpty()) {
      this.grantTypes = EnumSet.allOf(GrantType.class);
    } else {
      this.grantTypes = EnumSet.copyOf(grants);
    }
  }

  public boolean authenticates(String secret) {
    return ClientSecret.matches(secret, secretHash);
  }

  public boolean allows(GrantType grant) {
    return grantTypes.contains(grant);
  }

  /** Refuses a grant this client was not registered for. */
  public void checkAllows(GrantType grant) {
    if (!allows(grant)) {
      throw DomainException.forbidden(
          "unauthorized_client", "This client may not use the " + grant.protocolName() + " grant");
    }
  }

  public String consumerKey() {
    return consumerKey;
  }

  public String applicationId() {
    return applicationId;
  }

  public Set<GrantType> grantTypes() {
    return Set.copyOf(grantTypes);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime secretRotatedAt() {
    return secretRotatedAt;
  }

  /** A client together with its plain secret, as returned once to the developer. */
  public record Issued(OAuthClient client, String secret) {}
}
