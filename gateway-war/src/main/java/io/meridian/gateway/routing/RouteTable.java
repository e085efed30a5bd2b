package io.meridian.gateway.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * All routes a gateway serves, looked up by {@code /{context}/{version}/{resource}}. Immutable: a
 * change builds a new table, which replaces the old one atomically.
 */
public final class RouteTable {

  /** Longest context, in segments; contexts are validated to at most four on the master. */
  static final int MAX_CONTEXT_SEGMENTS = 4;

  private final Map<String, Route> byContextAndVersion = new HashMap<>();
  private final Map<String, Route> defaultByContext = new HashMap<>();

  /**
   * A table of these routes. Should two published revisions both claim to be their context's
   * default version (the master refuses this, but a stale revision can linger), the highest version
   * string wins, so every node picks the same one.
   */
  public RouteTable(Collection<Route> routes) {
    for (Route r : routes) {
      byContextAndVersion.put(key(r.context(), r.version()), r);
      if (r.defaultVersion()) {
        defaultByContext.merge(
            r.context(), r, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
      }
    }
  }

  public static RouteTable empty() {
    return new RouteTable(List.of());
  }

  private static String key(String context, String version) {
    return context + "\n" + version;
  }

  public int size() {
    return byContextAndVersion.size();
  }

  public Collection<Route> routes() {
    return byContextAndVersion.values();
  }

  /** Routes a request by its method and raw (percent-encoded) path. */
  public RouteMatch match(String method, String rawPath) {
    List<String> segments = Paths.segments(rawPath);
    for (int k = Math.min(MAX_CONTEXT_SEGMENTS, segments.size() - 1); k >= 1; k--) {
      String context = "/" + String.join("/", segments.subList(0, k));
      Route route = byContextAndVersion.get(key(context, segments.get(k)));
      if (route != null) {
        return matchOperation(
            route,
            method,
            segments.subList(k + 1, segments.size()),
            rawPath,
            context.length() + 1 + segments.get(k).length());
      }
    }
    for (int k = Math.min(MAX_CONTEXT_SEGMENTS, segments.size()); k >= 1; k--) {
      String context = "/" + String.join("/", segments.subList(0, k));
      Route route = defaultByContext.get(context);
      if (route != null) {
        return matchOperation(
            route, method, segments.subList(k, segments.size()), rawPath, context.length());
      }
    }
    return new RouteMatch.NoApi();
  }

  private static RouteMatch matchOperation(
      Route route, String method, List<String> rest, String rawPath, int prefixLength) {
    TreeSet<String> allowed = new TreeSet<>();
    for (RouteOperation op : route.operations()) {
      if (op.template().matches(rest)) {
        if (op.method().equals(method)) {
          String backendPath =
              rawPath.length() > prefixLength ? rawPath.substring(prefixLength) : "";
          return new RouteMatch.Found(route, op, backendPath);
        }
        allowed.add(op.method());
      }
    }
    if (allowed.isEmpty()) {
      return new RouteMatch.NoResource(route);
    }
    return new RouteMatch.MethodNotAllowed(route, String.join(", ", allowed));
  }
}
