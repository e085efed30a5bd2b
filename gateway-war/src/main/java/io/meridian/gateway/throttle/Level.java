package io.meridian.gateway.throttle;

/** Where a throttling policy applies; the strictest applicable level decides. */
public enum Level {
  /** One application's calls to one API (the subscription's tier). */
  SUBSCRIPTION,
  /** All calls of one application (the application's tier). */
  APPLICATION,
  /** All calls to one API, from every consumer together (the API's tier). */
  API,
  /** All calls to one operation of an API, from every consumer together (the operation's tier). */
  OPERATION;

  /** The stable problem code of a request refused at this level. */
  public String code() {
    return "throttled_" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
