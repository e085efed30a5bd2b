package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;

/** Checks that a request that needs a JSON body has one. */
public final class Bodies {

  private Bodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw missing();
    }
    return body;
  }

  /** The failure of a request without its body, whoever notices it. */
  public static DomainException missing() {
    return DomainException.invalid("missing_body", "This request needs a JSON body");
  }
}
