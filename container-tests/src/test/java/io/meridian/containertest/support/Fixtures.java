package io.meridian.containertest.support;

import io.meridian.application.UserService;
import io.meridian.domain.model.user.Role;
import java.util.EnumSet;
import java.util.UUID;

/** Users and names of their own for each test, so that tests never see each other's data. */
public final class Fixtures {

  private Fixtures() {}

  /** A new store developer (role subscriber); returns the username. */
  public static String subscriber(UserService users, String prefix) {
    String username = prefix + "-" + unique();
    users.create(
        username,
        "container-test-password",
        username + "@example.com",
        EnumSet.of(Role.subscriber),
        "container-tests");
    return username;
  }

  /** Eight hex digits, new each call. */
  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
