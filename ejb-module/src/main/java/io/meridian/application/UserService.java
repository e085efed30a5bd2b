package io.meridian.application;

import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sign-up, user administration and password checks. */
public interface UserService {

  /** A developer signs up to the store and becomes a subscriber. */
  User signUp(String username, String password, String email);

  /** An administrator creates a user with the given roles. */
  User create(String username, String password, String email, Set<Role> roles, String actor);

  User get(String username);

  Optional<User> find(String username);

  /** The user whose password this is, or empty; never says which of the two was wrong. */
  Optional<User> authenticate(String username, String password);

  /** Every user in name order, a page at a time (administrators). */
  List<User> list(int offset, int limit);

  /** Stops an account from signing in; an administrator cannot disable their own. */
  User disable(String username, String actor);

  User enable(String username, String actor);

  /** Replaces an account's roles; an administrator cannot take away their own admin role. */
  User changeRoles(String username, Set<Role> roles, String actor);
}
