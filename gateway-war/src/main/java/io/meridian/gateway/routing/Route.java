package io.meridian.gateway.routing;

import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.OperationDefinition;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * A published API as the gateway routes it: one revision, with the backend endpoint of this
 * gateway's datacenter, its operations sorted from most to least specific, and its cross-origin
 * rules (null when it has none), its own throttling tier (all consumers together) and its staleness
 * rule (null when it is served whatever the replica's lag). Built once per artifact revision and
 * never changed.
 */
public record Route(
    String apiId,
    String name,
    String context,
    String version,
    boolean defaultVersion,
    int revision,
    boolean blocked,
    Endpoint endpoint,
    List<RouteOperation> operations,
    CorsRules cors,
    String tier,
    StalenessRule staleness) {

  public Route {
    operations =
        operations.stream()
            .sorted(
                Comparator.comparing(RouteOperation::template, (a, b) -> a.compareSpecificity(b)))
            .toList();
  }

  /** Compiles a published definition for the gateway of {@code datacenterId}. */
  public static Route of(ApiDefinition d, int revision, boolean blocked, String datacenterId) {
    List<RouteOperation> ops = d.operations().stream().map(Route::compile).toList();
    return new Route(
        d.apiId(),
        d.name(),
        d.context(),
        d.version(),
        d.defaultVersion(),
        revision,
        blocked,
        Endpoint.of(d.endpointFor(datacenterId)),
        ops,
        CorsRules.of(d.cors()),
        d.tier(),
        StalenessRule.of(d.staleness()));
  }

  private static RouteOperation compile(OperationDefinition o) {
    return new RouteOperation(
        o.method(),
        new UriTemplate(o.uriTemplate()),
        o.authRequired(),
        new HashSet<>(o.scopes()),
        o.tier());
  }
}
