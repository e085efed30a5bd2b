package io.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled URI template such as {@code /orders/{id}/items} or {@code /files/*}. Matching works on
 * raw (still percent-encoded) path segments, so an encoded slash never splits a segment. A
 * template's specificity orders competing matches: literal segments beat variables, which beat a
 * trailing wildcard.
 */
public final class UriTemplate {

  private enum Kind {
    LITERAL,
    VARIABLE,
    WILDCARD
  }

  private record Segment(Kind kind, String text) {}

  private final String source;
  private final List<Segment> segments;
  private final boolean wildcard;

  public UriTemplate(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("a URI template starts with /: " + template);
    }
    this.source = template;
    List<Segment> parsed = new ArrayList<>();
    for (String s : Paths.segments(template)) {
      if (s.equals("*")) {
        parsed.add(new Segment(Kind.WILDCARD, s));
      } else if (s.startsWith("{") && s.endsWith("}")) {
        parsed.add(new Segment(Kind.VARIABLE, s.substring(1, s.length() - 1)));
      } else {
        parsed.add(new Segment(Kind.LITERAL, s));
      }
    }
    this.wildcard = !parsed.isEmpty() && parsed.get(parsed.size() - 1).kind() == Kind.WILDCARD;
    this.segments = List.copyOf(parsed);
  }

  /** Whether the path segments (below the API's context and version) match this template. */
  public boolean matches(List<String> path) {
    int fixed = wildcard ? segments.size() - 1 : segments.size();
    if (wildcard ? path.size() < fixed : path.size() != fixed) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      Segment s = segments.get(i);
      String p = path.get(i);
      if (s.kind() == Kind.LITERAL ? !s.text().equals(p) : p.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Orders templates that match the same path: compares segment by segment, a literal before a
   * variable before a wildcard, then the longer template first.
   */
  public int compareSpecificity(UriTemplate other) {
    int n = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < n; i++) {
      int c = segments.get(i).kind().compareTo(other.segments.get(i).kind());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(other.segments.size(), segments.size());
  }

  @Override
  public String toString() {
    return source;
  }
}
