package io.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

  /** Context, then version: looked up with prefixes of the raw path, without building keys. */
  private final Map<String, Map<String, Route>> byContextAndVersion = new HashMap<>();

  private final Map<String, Route> defaultByContext = new HashMap<>();
  private final List<Route> all = new ArrayList<>();

  /**
   * A table of these routes. Should two published revisions both claim to be their context's
   * default version (the master refuses this, but a stale revision can linger), the highest version
   * string wins, so every node picks the same one.
   */
  public RouteTable(Collection<Route> routes) {
    for (Route r : routes) {
      Route replaced =
          byContextAndVersion
              .computeIfAbsent(r.context(), k -> new HashMap<>())
              .put(r.version(), r);
      if (replaced != null) {
        all.remove(replaced);
      }
      all.add(r);
      if (r.defaultVersion()) {
        defaultByContext.merge(
            r.context(), r, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
      }
    }
  }

  public static RouteTable empty() {
    return new RouteTable(List.of());
  }

  public int size() {
    return all.size();
  }

  public Collection<Route> routes() {
    return Collections.unmodifiableList(all);
  }

  /** Routes a request by its method and raw (percent-encoded) path. */
  public RouteMatch match(String method, String rawPath) {
    List<String> segments = Paths.segments(rawPath);
    for (int k = Math.min(MAX_CONTEXT_SEGMENTS, segments.size() - 1); k >= 1; k--) {
      String context = context(segments, k);
      Map<String, Route> versions = byContextAndVersion.get(context);
      Route route = versions == null ? null : versions.get(segments.get(k));
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
      String context = context(segments, k);
      Route route = defaultByContext.get(context);
      if (route != null) {
        return matchOperation(
            route, method, segments.subList(k, segments.size()), rawPath, context.length());
      }
    }
    return new RouteMatch.NoApi();
  }

  /** "/" + the first {@code k} segments joined by "/". */
  private static String context(List<String> segments, int k) {
    if (k == 1) {
      return "/" + segments.get(0);
    }
    StringBuilder b = new StringBuilder(64);
    for (int i = 0; i < k; i++) {
      b.append('/').append(segments.get(i));
    }
    return b.toString();
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
