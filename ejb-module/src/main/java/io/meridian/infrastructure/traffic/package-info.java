/**
 * The master's side of traffic reports that is not a use case: the listener that takes the
 * gateways' reports off the deployments queue and the hourly retention delete.
 */
package io.meridian.infrastructure.traffic;
