package io.meridian.interfaces.publisher.web;

import io.meridian.application.KeyService;
import io.meridian.application.UserService;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.publisher.rest.SigningKeyResource.SigningKeyView;
import io.meridian.interfaces.publisher.rest.UserResource;
import io.meridian.interfaces.publisher.rest.UserResource.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administration: accounts (create, disable and enable, roles) and the token signing key
 * (rotation). Administrators only; each action posts, then redirects back.
 */
@Named("admin")
@RequestScoped
public class AdminPage {

  static final int PAGE_SIZE = 500;

  private static final Map<String, String> FIELDS =
      Map.of(
          "username", "newuser:username",
          "email", "newuser:email",
          "weak_password", "newuser:password",
          "username_taken", "newuser:username",
          "missing_field", "newuser:roles");

  @Inject UserService users;
  @Inject KeyService keys;

  private String username;
  private String email;
  private String password;
  private List<String> roles = new ArrayList<>(List.of(Role.PUBLISHER));
  private List<UserView> userRows;

  public void load() {
    if (!Pages.hasRole(Role.ADMIN)) {
      Pages.forbidden("Administration needs the admin role.");
    }
  }

  public List<UserView> getUsers() {
    if (userRows == null) {
      userRows = users.list(0, PAGE_SIZE).stream().map(UserView::of).toList();
    }
    return userRows;
  }

  public List<SigningKeyView> getSigningKeys() {
    return keys.published().stream().map(SigningKeyView::of).toList();
  }

  public List<String> getAllRoles() {
    return Arrays.stream(Role.values()).map(Role::name).toList();
  }

  public void create() {
    if (!guard()) {
      return;
    }
    try {
      users.create(username, password, email, UserResource.roles(roles), Pages.userName());
      Pages.flash("Account " + username + " created.");
      Pages.redirect("/admin.xhtml");
    } catch (DomainException e) {
      Pages.fail(e, FIELDS);
    }
  }

  public void disable(String name) {
    act(() -> users.disable(name, Pages.userName()), name + " can no longer sign in.");
  }

  public void enable(String name) {
    act(() -> users.enable(name, Pages.userName()), name + " can sign in again.");
  }

  /** Adds a role to the account's current roles. */
  public void grant(String name, String role) {
    changeRoles(name, role, true);
  }

  /** Takes a role from the account's current roles (an account keeps at least one). */
  public void revoke(String name, String role) {
    changeRoles(name, role, false);
  }

  private void changeRoles(String name, String role, boolean on) {
    act(
        () -> {
          Set<Role> now = EnumSet.noneOf(Role.class);
          now.addAll(users.get(name).roles());
          Role r = Role.valueOf(role);
          if (on) {
            now.add(r);
          } else {
            now.remove(r);
          }
          users.changeRoles(name, now, Pages.userName());
        },
        (on ? name + " now has the role " : name + " no longer has the role ") + role + ".");
  }

  public void rotate() {
    act(
        () -> keys.rotate(Pages.userName()),
        "New signing key in use; tokens signed by the previous one stay valid until they expire.");
  }

  private void act(Runnable action, String done) {
    if (!guard()) {
      return;
    }
    try {
      action.run();
      Pages.flash(done);
      Pages.redirect("/admin.xhtml");
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  private static boolean guard() {
    if (Pages.hasRole(Role.ADMIN)) {
      return true;
    }
    Pages.forbidden("Administration needs the admin role.");
    return false;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }
}
