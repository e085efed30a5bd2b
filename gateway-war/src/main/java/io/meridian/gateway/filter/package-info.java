/**
 * The request path as an ordered chain of small filters, each with one job and a stable id: limits,
 * route, authenticate, revocation, subscription, scope. A filter that refuses returns a typed
 * {@link io.meridian.gateway.filter.GatewayError}, rendered in one place.
 */
package io.meridian.gateway.filter;
