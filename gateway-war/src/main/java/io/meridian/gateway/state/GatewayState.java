package io.meridian.gateway.state;

import io.meridian.gateway.routing.RouteTable;
import io.meridian.gateway.token.TokenVerifier;
import java.util.Set;

/**
 * Everything a request is checked against, as of one change-log sequence. Never modified after it
 * is built; a newer snapshot replaces it atomically.
 *
 * @param keyFingerprint identifies the set of public keys, so a reload that did not change the keys
 *     can keep the verifier and its cache
 * @param policies throttling policies and application tiers
 */
public record GatewayState(
    long sequence,
    RouteTable routes,
    TokenVerifier tokens,
    String keyFingerprint,
    Set<String> revokedTokenIds,
    Subscriptions subscriptions,
    Policies policies) {

  public GatewayState {
    revokedTokenIds = Set.copyOf(revokedTokenIds);
  }
}
