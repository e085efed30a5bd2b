package io.meridian.gateway.filter;

/** What a filter decided: go on, refuse with an error, or answer the request itself. */
public sealed interface FilterResult {

  FilterResult CONTINUE = new Continue();

  record Continue() implements FilterResult {}

  record Reject(GatewayError error) implements FilterResult {}

  /** The request is fully handled (a CORS preflight): send this, call no backend. */
  record Respond(LocalResponse response) implements FilterResult {}

  static FilterResult reject(GatewayError error) {
    return new Reject(error);
  }
}
