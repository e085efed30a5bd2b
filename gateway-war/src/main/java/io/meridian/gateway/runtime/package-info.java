/**
 * The container side of a gateway node on Payara Micro: configuration, the change follower that
 * keeps the state current from the DC's database, the start and stop of the event-loop server, and
 * the node administration on Payara's own HTTP listener — MicroProfile Health checks, metrics,
 * {@code /-/sync} — the node's MXBean {@code io.meridian:type=Gateway}, and the reports it sends
 * the master over its DC's broker (global quota use, traffic per API and minute).
 */
package io.meridian.gateway.runtime;
