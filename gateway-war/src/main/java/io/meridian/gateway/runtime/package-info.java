/**
 * What a gateway node holds in memory and how it stays current: an immutable snapshot of routes,
 * keys, revocations and subscriptions, reloaded when the control plane's change log moves.
 */
package io.meridian.gateway.runtime;
