package io.meridian.application;

import java.util.Map;

/** An introspection answer (RFC 7662 §2.2): inactive, or active with the token's claims. */
public record Introspection(boolean active, Map<String, Object> claims) {

  public static Introspection inactive() {
    return new Introspection(false, Map.of());
  }
}
