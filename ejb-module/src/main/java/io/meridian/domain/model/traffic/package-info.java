/**
 * Traffic per API as the datacenters' gateways report it: one row per API, datacenter, node and UTC
 * minute, merged so that figures only grow, and the per-datacenter view of them the publisher
 * charts.
 */
package io.meridian.domain.model.traffic;
