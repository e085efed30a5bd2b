package io.meridian.domain.model.application;

import io.meridian.domain.model.shared.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A developer's application: what subscribes to APIs and holds OAuth client credentials. */
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

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Application() {}

  public static Application create(
      String owner, String name, String description, OffsetDateTime now) {
    Application app = new Application();
    app.id = UUID.randomUUID().toString();
    app.owner = owner;
    app.createdAt = now;
    app.rename(name, description);
    return app;
  }

  public void rename(String name, String description) {
    this.name = Require.text(name, "name", 100);
    this.description = Require.optionalText(description, "description", 2000);
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

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
