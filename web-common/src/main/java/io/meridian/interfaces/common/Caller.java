package io.meridian.interfaces.common;

import jakarta.ws.rs.core.SecurityContext;

/** The signed-in user's name, for resources that {@link RoleCheckFilter} already guarded. */
public final class Caller {

  private Caller() {}

  public static String name(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }

  public static boolean isSignedIn(SecurityContext security) {
    return security.getUserPrincipal() != null;
  }
}
