package io.meridian.interfaces.store.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway of each datacenter, as configured in {@value #KEY} ({@code
 * dc-master=http://10.201.1.1:8280,dc-ro1=http://10.201.2.1:8280}): the only addresses the "try it"
 * panel calls. A developer chooses a datacenter and gives a path; the host never comes from the
 * developer, and a path that could leave the gateway's base ({@code ..} segments, a scheme, a
 * second authority) is refused, so the store is no open proxy.
 */
public final class Gateways {

  public static final String KEY = "meridian.store.gateways";
  static final int MAX_PATH = 2048;

  private final Map<String, URI> bases;
  private final List<String> invalid;

  private Gateways(Map<String, URI> bases, List<String> invalid) {
    this.bases = Collections.unmodifiableMap(bases);
    this.invalid = List.copyOf(invalid);
  }

  /**
   * Reads the configuration value; entries that are not {@code id=http(s)://host[:port][/path]} are
   * left out and listed by {@link #invalid()}.
   */
  public static Gateways parse(String value) {
    Map<String, URI> bases = new LinkedHashMap<>();
    List<String> invalid = new ArrayList<>();
    if (value != null) {
      for (String entry : value.split(",")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        int eq = e.indexOf('=');
        Optional<URI> base = eq <= 0 ? Optional.empty() : parseBase(e.substring(eq + 1).strip());
        if (base.isPresent()) {
          bases.put(e.substring(0, eq).strip(), base.get());
        } else {
          invalid.add(e);
        }
      }
    }
    return new Gateways(bases, invalid);
  }

  private static Optional<URI> parseBase(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!http
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Datacenter ids, in configuration order. */
  public List<String> datacenters() {
    return List.copyOf(bases.keySet());
  }

  public boolean isEmpty() {
    return bases.isEmpty();
  }

  /** The configured base of a datacenter's gateway, e.g. {@code http://10.201.1.1:8280}. */
  public Optional<URI> base(String datacenter) {
    return Optional.ofNullable(datacenter == null ? null : bases.get(datacenter));
  }

  /** Configuration entries that were left out. */
  public List<String> invalid() {
    return invalid;
  }

  /**
   * The URL to call: the datacenter's gateway base followed by the path (with its query).
   *
   * @throws IllegalArgumentException saying, for the developer, what is wrong with the datacenter
   *     or the path
   */
  public URI target(String datacenter, String path) {
    URI base =
        base(datacenter)
            .orElseThrow(
                () -> new IllegalArgumentException("Choose one of the configured datacenters."));
    String p = checkPath(path);
    URI target;
    try {
      target = new URI(base + p);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "That is not a valid URL path: fill in the {parameters} and percent-encode spaces and"
              + " other special characters.");
    }
    if (!base.getScheme().equals(target.getScheme())
        || !base.getRawAuthority().equals(target.getRawAuthority())
        || target.getRawFragment() != null) {
      throw new IllegalArgumentException("The path must stay on the datacenter's gateway.");
    }
    return target;
  }

  /** A path (and query) that stays under the gateway's base, or a message saying why not. */
  static String checkPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("Give a path that starts with /, e.g. /demo/1.0/hello.");
    }
    String p = path.strip();
    if (p.length() > MAX_PATH) {
      throw new IllegalArgumentException("The path is longer than " + MAX_PATH + " characters.");
    }
    if (!p.startsWith("/") || p.startsWith("//")) {
      throw new IllegalArgumentException("The path must start with a single /.");
    }
    if (p.contains("://")
        || p.contains("\\")
        || p.contains("#")
        || p.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw new IllegalArgumentException(
          "The path may not hold a URL, a backslash, a # or spaces: only the gateway's paths can"
              + " be called.");
    }
    int query = p.indexOf('?');
    for (String segment : (query < 0 ? p : p.substring(0, query)).split("/", -1)) {
      String decoded = percentDecode(segment);
      if (decoded.equals("..") || decoded.equals(".") || decoded.contains("/")) {
        throw new IllegalArgumentException("The path may not hold . or .. segments.");
      }
    }
    return p;
  }

  private static String percentDecode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()
            || Character.digit(segment.charAt(i + 1), 16) < 0
            || Character.digit(segment.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException(
              "The path has a % that is not followed by two hexadecimal digits.");
        }
        out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
