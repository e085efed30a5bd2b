package io.meridian.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages form layers, not a knot: read from the sources' imports (and same-package
 * references cannot form a cycle), no package depends on itself through others.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java/io/meridian/gateway");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?io\\.meridian\\.gateway\\.([a-z]+)\\.", Pattern.MULTILINE);

  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(f.getParent()).toString();
        Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            out.add(m.group(1));
          }
        }
      }
    }
    return deps;
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    assertTrue(deps.keySet().containsAll(List.of("edge", "filter", "proxy", "routing", "state")));
    List<String> cycles = new ArrayList<>();
    for (String start : deps.keySet()) {
      walk(start, start, deps, new ArrayList<>(List.of(start)), cycles);
    }
    assertEquals(List.of(), cycles, "package dependencies: " + deps);
  }

  private static void walk(
      String start, String at, Map<String, Set<String>> deps, List<String> path, List<String> out) {
    for (String next : deps.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        out.add(String.join(" -> ", path) + " -> " + start);
      } else if (!path.contains(next)) {
        path.add(next);
        walk(start, next, deps, path, out);
        path.remove(path.size() - 1);
      }
    }
  }
}
