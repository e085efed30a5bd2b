package io.meridian.gateway.throttle;

/**
 * One limit to apply to one request: the level, the counting key (who is counted together), the
 * policy and which of its limits.
 *
 * @param key identifies what is counted together at this level, e.g. an application and an API
 */
public record Check(Level level, String key, ThrottlePolicy policy, ThrottlePolicy.Limit limit) {

  /** The counter's key across the datacenter's nodes: level, key, measure and window. */
  String counterKey() {
    return level.ordinal()
        + "|"
        + key
        + "|"
        + limit.measure().ordinal()
        + "|"
        + limit.windowMillis()
        + "|"
        + policy.name();
  }
}
