package io.meridian.shared.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The immutable definition of one API revision: everything a gateway needs to route to it.
 *
 * @param defaultVersion whether gateways also serve this API without the version segment
 * @param datacenterEndpoints per-datacenter overrides of the default endpoint, by datacenter id
 * @param cors cross-origin rules for browsers, or null when the API allows no cross-origin calls
 * @param tier the throttling tier of the API as a whole (all its consumers together), {@link
 *     #UNLIMITED} for none
 * @param staleness what gateways do while their replica lags, or null to serve whatever the lag
 */
public record ApiDefinition(
    String apiId,
    String name,
    String context,
    String version,
    boolean defaultVersion,
    String description,
    List<String> tags,
    String visibility,
    String owner,
    List<OperationDefinition> operations,
    EndpointDefinition defaultEndpoint,
    Map<String, EndpointDefinition> datacenterEndpoints,
    CorsDefinition cors,
    String tier,
    StalenessDefinition staleness) {

  /** The tier that sets no limit. */
  public static final String UNLIMITED = "Unlimited";

  public ApiDefinition {
    tier = tier == null ? UNLIMITED : tier;
    tags = List.copyOf(tags);
    operations = List.copyOf(operations);
    datacenterEndpoints = Collections.unmodifiableMap(new TreeMap<>(datacenterEndpoints));
  }

  /** A definition without a staleness rule: served whatever the replica's lag. */
  public ApiDefinition(
      String apiId,
      String name,
      String context,
      String version,
      boolean defaultVersion,
      String description,
      List<String> tags,
      String visibility,
      String owner,
      List<OperationDefinition> operations,
      EndpointDefinition defaultEndpoint,
      Map<String, EndpointDefinition> datacenterEndpoints,
      CorsDefinition cors,
      String tier) {
    this(
        apiId,
        name,
        context,
        version,
        defaultVersion,
        description,
        tags,
        visibility,
        owner,
        operations,
        defaultEndpoint,
        datacenterEndpoints,
        cors,
        tier,
        null);
  }

  /** The endpoint a gateway in the given datacenter uses: its override, else the default. */
  public EndpointDefinition endpointFor(String datacenterId) {
    return datacenterEndpoints.getOrDefault(datacenterId, defaultEndpoint);
  }
}
