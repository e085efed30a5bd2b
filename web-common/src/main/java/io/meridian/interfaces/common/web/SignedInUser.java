package io.meridian.interfaces.common.web;

import java.io.Serializable;
import java.util.Set;

/** Who a browser session belongs to: the user's name and the groups (roles) it had at sign-in. */
public record SignedInUser(String name, Set<String> groups) implements Serializable {

  public SignedInUser {
    groups = Set.copyOf(groups);
  }

  public boolean hasAnyRole(Set<String> roles) {
    return roles.isEmpty() || groups.stream().anyMatch(roles::contains);
  }
}
