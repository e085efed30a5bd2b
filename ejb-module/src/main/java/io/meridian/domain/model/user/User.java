package io.meridian.domain.model.user;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who signs in. Only the hash of the password is kept. */
@Entity
@Table(name = "users")
public class User {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");
  public static final int MIN_PASSWORD_LENGTH = 8;
  public static final int MAX_PASSWORD_LENGTH = 128;

  @Id
  @Column(name = "username", length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "email", nullable = false, length = 320)
  private String email;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "username"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 32)
  private Set<Role> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "disabled_at")
  private OffsetDateTime disabledAt;

  protected User() {}

  public User(
      String username, String passwordHash, String email, Set<Role> roles, OffsetDateTime now) {
    this.username = checkUsername(username);
    this.passwordHash = passwordHash;
    this.email = email == null || email.isBlank() ? "" : checkEmail(email);
    if (roles == null || roles.isEmpty()) {
      throw DomainException.invalid("missing_field", "roles must name at least one role");
    }
    this.roles = EnumSet.copyOf(roles);
    this.createdAt = now;
  }

  public static String checkUsername(String username) {
    return Require.matching(
        username == null ? null : username.toLowerCase(Locale.ROOT),
        "username",
        USERNAME,
        "must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
  }

  private static String checkEmail(String email) {
    return Require.matching(email, "email", EMAIL, "must be an e-mail address");
  }

  /** Checks a new password against the length rules before it is hashed. */
  public static void checkPassword(String password) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.length() > MAX_PASSWORD_LENGTH) {
      throw DomainException.invalid(
          "weak_password",
          "password must be "
              + MIN_PASSWORD_LENGTH
              + " to "
              + MAX_PASSWORD_LENGTH
              + " characters long");
    }
  }

  /** Whether the account may sign in. */
  public boolean isEnabled() {
    return disabledAt == null;
  }

  public void disable(OffsetDateTime now) {
    if (disabledAt == null) {
      disabledAt = now;
    }
  }

  public void enable() {
    disabledAt = null;
  }

  /** Replaces the account's roles; an account keeps at least one. */
  public void changeRoles(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw DomainException.invalid("missing_field", "roles must name at least one role");
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String email() {
    return email;
  }

  public Set<Role> roles() {
    return Set.copyOf(roles);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime disabledAt() {
    return disabledAt;
  }
}
