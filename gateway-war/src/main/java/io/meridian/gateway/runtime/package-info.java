/**
 * The container side of a gateway node on Payara Micro: configuration, the change follower that
 * keeps the state current from the DC's database, the start and stop of the event-loop server, and
 * the node administration endpoints (health, sync state) on Payara's own HTTP listener.
 */
package io.meridian.gateway.runtime;
