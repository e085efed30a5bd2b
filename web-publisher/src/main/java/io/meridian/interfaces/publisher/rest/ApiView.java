package io.meridian.interfaces.publisher.rest;

import io.meridian.interfaces.common.OperationView;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An API as publishers see it; {@code cors} is left out when the API has none. {@code tier} is the
 * API's own throttling policy (all consumers together); {@code staleness} is left out when gateways
 * serve the API whatever their replica's lag.
 */
public record ApiView(
    String id,
    String name,
    String context,
    String version,
    boolean defaultVersion,
    String description,
    List<String> tags,
    String visibility,
    String owner,
    String state,
    String tier,
    List<OperationView> operations,
    EndpointsView endpoints,
    CorsView cors,
    StalenessView staleness,
    int latestRevision,
    boolean unpublishedChanges,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
