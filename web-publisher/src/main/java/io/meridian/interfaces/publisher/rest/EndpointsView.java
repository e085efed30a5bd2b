package io.meridian.interfaces.publisher.rest;

import java.util.Map;

/** Where an API's backend is: a default endpoint and per-datacenter overrides, by datacenter id. */
public record EndpointsView(EndpointView production, Map<String, EndpointView> datacenters) {}
