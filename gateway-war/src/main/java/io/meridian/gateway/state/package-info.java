/**
 * What a gateway node answers requests from: an immutable snapshot of routes, keys, revocations and
 * subscriptions ({@link io.meridian.gateway.state.GatewayState}), how it is built from a read of
 * the control plane and the active artifacts, and the holder through which a new snapshot replaces
 * the old one atomically.
 */
package io.meridian.gateway.state;
