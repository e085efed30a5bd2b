/**
 * Throttling on the request path: throttling policies as gateways apply them, sliding-window
 * counters, and the counting shared by the gateways of one datacenter (each node admits from a
 * budget it recomputes from the others' counts, so no request waits on another node) and, for
 * policies with a global quota, the datacenter's share of the limit granted by the master.
 */
package io.meridian.gateway.throttle;
