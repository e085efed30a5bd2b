package io.meridian.domain.model.user;

import java.util.List;
import java.util.Optional;

/** Stores users. */
public interface UserRepository {

  Optional<User> find(String username);

  void add(User user);

  long count();

  /** Users in name order, a page at a time. */
  List<User> list(int offset, int limit);
}
