package io.meridian.domain.model.api;

/** Who may see an API in the store. */
public enum Visibility {
  /** Anyone, signed in or not. */
  PUBLIC,
  /** Only signed-in developers. */
  RESTRICTED
}
