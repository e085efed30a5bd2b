package io.meridian.domain.model.application;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A developer's application: what subscribes to APIs and holds OAuth client credentials. Its
 * throttling policy limits all its calls together, across every API it is subscribed to.
 */
@Entity
@Table(name = "applications")
public class Application {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Version
  @Column(name = "opt_lock")
  private long optLock;

  @Column(name = "owner", nullable = false, length = 64)
  private String owner;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "description", nullable = false, length = 2000)
  private String description;

  /** The name of its throttling policy; the caller checks that the policy exists. */
  @Column(name = "tier", nullable = false, length = 64)
  private String tier;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Application() {}

  /** A new application; a null {@code tier} is {@value ThrottlingPolicy#UNLIMITED}. */
  public static Application create(
      String owner, String name, String description, String tier, OffsetDateTime now) {
    Application app = new Application();
    app.id = UUID.randomUUID().toString();
    app.owner = owner;
    app.createdAt = now;
    app.update(name, description, tier);
    return app;
  }

  /** Replaces name, description and policy; a null {@code tier} is Unlimited. */
  public void update(String name, String description, String tier) {
    this.name = Require.text(name, "name", 100);
    this.description = Require.optionalText(description, "description", 2000);
    this.tier = Require.text(tier == null ? ThrottlingPolicy.UNLIMITED : tier, "tier", 64);
  }

  public boolean isOwnedBy(String username) {
    return owner.equals(username);
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The name of the application's throttling policy. */
  public String tier() {
    return tier;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
