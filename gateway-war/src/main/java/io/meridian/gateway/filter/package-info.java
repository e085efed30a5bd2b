/**
 * The request path as an ordered chain of small filters, each with one job and a stable id: limits,
 * syntax, route, cors, staleness, authenticate, revocation, subscription, scope, throttle. A filter
 * that answers the request itself (a CORS preflight) returns a {@link
 * io.meridian.gateway.filter.LocalResponse}. A filter that refuses returns a typed {@link
 * io.meridian.gateway.filter.GatewayError}, rendered in one place.
 */
package io.meridian.gateway.filter;
