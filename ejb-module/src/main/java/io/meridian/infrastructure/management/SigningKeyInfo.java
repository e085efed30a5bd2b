package io.meridian.infrastructure.management;

import java.beans.ConstructorProperties;

/** A token signing key, as the MXBean shows it (an open-type CompositeData). */
public class SigningKeyInfo {

  private final String kid;
  private final String state;
  private final String created;

  @ConstructorProperties({"kid", "state", "created"})
  public SigningKeyInfo(String kid, String state, String created) {
    this.kid = kid;
    this.state = state;
    this.created = created;
  }

  public String getKid() {
    return kid;
  }

  /** ACTIVE (signs new tokens) or RETIRED (only verifies tokens issued before a rotation). */
  public String getState() {
    return state;
  }

  /** When the key was created (ISO-8601). */
  public String getCreated() {
    return created;
  }
}
