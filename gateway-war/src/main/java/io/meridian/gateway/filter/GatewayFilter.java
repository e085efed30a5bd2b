package io.meridian.gateway.filter;

/** One step of the inbound chain. */
public interface GatewayFilter {

  /** A stable id, for logs and ordering. */
  String id();

  /** Position in the chain; lower runs first. */
  int order();

  FilterResult apply(Exchange exchange);
}
