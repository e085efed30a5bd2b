package io.meridian.shared.artifact;

/**
 * The lifecycle state an API revision is published in, as gateways see it: in artifacts,
 * announcements and deployment acknowledgements. On the wire it is the constant's name, so older
 * documents and messages read the same. The master's own lifecycle (which also knows APIs never
 * published) maps onto it where it publishes.
 */
public enum ArtifactState {
  PUBLISHED,
  DEPRECATED,
  /** Routed, and answered 503. */
  BLOCKED,
  /** Not routed any more. */
  RETIRED;

  /** Whether gateways route requests to the API (a blocked one is routed, and refused). */
  public boolean routed() {
    return this != RETIRED;
  }

  /** Whether gateways answer the API's requests 503. */
  public boolean blocked() {
    return this == BLOCKED;
  }

  /**
   * The state with this wire name.
   *
   * @throws ArtifactException malformed, for a name that is no state (or none)
   */
  public static ArtifactState parse(String name) {
    if (name != null) {
      for (ArtifactState s : values()) {
        if (s.name().equals(name)) {
          return s;
        }
      }
    }
    throw new ArtifactException("malformed", "Unknown lifecycle state " + name);
  }
}
