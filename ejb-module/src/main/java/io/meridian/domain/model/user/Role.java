package io.meridian.domain.model.user;

/** Roles, named as the web modules declare them. */
public enum Role {
  admin,
  publisher,
  subscriber;

  public static final String ADMIN = "admin";
  public static final String PUBLISHER = "publisher";
  public static final String SUBSCRIBER = "subscriber";
}
