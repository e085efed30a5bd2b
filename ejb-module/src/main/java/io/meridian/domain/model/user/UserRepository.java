package io.meridian.domain.model.user;

import java.util.Optional;

/** Stores users. */
public interface UserRepository {

  Optional<User> find(String username);

  void add(User user);

  long count();
}
