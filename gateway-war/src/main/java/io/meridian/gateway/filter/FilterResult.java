package io.meridian.gateway.filter;

/** What a filter decided: go on, or refuse with an error. */
public sealed interface FilterResult {

  FilterResult CONTINUE = new Continue();

  record Continue() implements FilterResult {}

  record Reject(GatewayError error) implements FilterResult {}

  static FilterResult reject(GatewayError error) {
    return new Reject(error);
  }
}
