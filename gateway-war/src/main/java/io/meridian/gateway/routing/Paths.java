package io.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.List;

/** Splits request paths into segments the way routing compares them. */
public final class Paths {

  private Paths() {}

  /**
   * The segments of a raw path: {@code /a/b/} gives {@code [a, b]} (a trailing slash is ignored),
   * {@code /} gives none. Empty inner segments ({@code /a//b}) are kept, so they match no template.
   */
  public static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return out;
    }
    int start = path.charAt(0) == '/' ? 1 : 0;
    int end = path.endsWith("/") ? path.length() - 1 : path.length();
    int i = start;
    while (i <= end) {
      int slash = path.indexOf('/', i);
      if (slash < 0 || slash > end) {
        slash = end;
      }
      out.add(path.substring(i, slash));
      i = slash + 1;
    }
    return out;
  }
}
