package io.meridian.interfaces.publisher.rest;

import io.meridian.interfaces.common.OperationView;
import java.util.List;

/**
 * The body of creating or replacing an API; without {@code cors} the API allows no CORS, without
 * {@code tier} its own throttling policy is Unlimited, without {@code staleness} gateways serve it
 * whatever their replica's lag.
 */
public record ApiRequest(
    String name,
    String context,
    String version,
    Boolean defaultVersion,
    String description,
    List<String> tags,
    String visibility,
    List<OperationView> operations,
    EndpointsView endpoints,
    CorsView cors,
    String tier,
    StalenessView staleness) {}
