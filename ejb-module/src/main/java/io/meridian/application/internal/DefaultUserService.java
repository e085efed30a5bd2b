package io.meridian.application.internal;

import io.meridian.application.UserService;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.domain.model.user.UserRepository;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.security.CredentialVerifier;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Stateless
public class DefaultUserService implements UserService {

  @Inject UserRepository users;
  @Inject CredentialVerifier credentials;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;

  @Override
  public User signUp(String username, String password, String email) {
    User user = add(username, password, email, EnumSet.of(Role.subscriber));
    changes.audit("user", user.username(), "signed-up", user.username(), "");
    return user;
  }

  @Override
  public User create(
      String username, String password, String email, Set<Role> roles, String actor) {
    User user = add(username, password, email, roles);
    changes.audit("user", user.username(), "created", actor, "roles " + user.roles());
    return user;
  }

  private User add(String username, String password, String email, Set<Role> roles) {
    String name = User.checkUsername(username);
    User.checkPassword(password);
    if (users.find(name).isPresent()) {
      throw DomainException.conflict("username_taken", "The username " + name + " is taken");
    }
    User user = new User(name, credentials.hash(password), email, roles, time.now());
    users.add(user);
    return user;
  }

  @Override
  public User get(String username) {
    return users
        .find(username)
        .orElseThrow(() -> DomainException.notFound("user_not_found", "No such user"));
  }

  @Override
  public Optional<User> find(String username) {
    return username == null ? Optional.empty() : users.find(username.toLowerCase(Locale.ROOT));
  }

  @Override
  public Optional<User> authenticate(String username, String password) {
    if (username == null || password == null || password.length() > User.MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    return users
        .find(username.toLowerCase(Locale.ROOT))
        .filter(User::isEnabled)
        .filter(u -> credentials.verify(u.username(), password, u.passwordHash()));
  }

  @Override
  public List<User> list(int offset, int limit) {
    return users.list(offset, limit);
  }

  @Override
  public User disable(String username, String actor) {
    User user = get(username);
    if (user.username().equals(actor)) {
      throw DomainException.conflict("own_account", "You cannot disable your own account");
    }
    user.disable(time.now());
    changes.audit("user", user.username(), "disabled", actor, "");
    return user;
  }

  @Override
  public User enable(String username, String actor) {
    User user = get(username);
    user.enable();
    changes.audit("user", user.username(), "enabled", actor, "");
    return user;
  }

  @Override
  public User changeRoles(String username, Set<Role> roles, String actor) {
    User user = get(username);
    if (user.username().equals(actor) && user.hasRole(Role.admin) && !roles.contains(Role.admin)) {
      throw DomainException.conflict(
          "own_account", "You cannot take the admin role away from your own account");
    }
    user.changeRoles(roles);
    changes.audit("user", user.username(), "roles-changed", actor, "roles " + user.roles());
    return user;
  }
}
