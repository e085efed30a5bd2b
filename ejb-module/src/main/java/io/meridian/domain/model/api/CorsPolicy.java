package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.CorsDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which browser origins may call an API across origins, and how (the CORS protocol of the Fetch
 * standard), as gateways will answer preflight and actual requests. Values are kept in the form
 * browsers send and compare them: origins in lower case without a default port, methods in upper
 * case, header names in lower case; each list without duplicates and in a fixed order, so equal
 * policies give equal revisions.
 */
@Embeddable
public class CorsPolicy {

  /** The methods a policy may allow, in the order they are listed. */
  public static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  public static final int DEFAULT_MAX_AGE_SECONDS = 600;
  public static final int MAX_MAX_AGE_SECONDS = 86_400;

  /** Upper bound of every list, to keep the answers gateways send small. */
  public static final int MAX_ENTRIES = 100;

  private static final String ANY = "*";
  private static final Pattern ORIGIN =
      Pattern.compile(
          "^(https?)://([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
              + "|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?$",
          Pattern.CASE_INSENSITIVE);

  /** An RFC 9110 token: what a header field name is made of. */
  private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$");

  @Convert(converter = LinesConverter.class)
  @Column(name = "cors_allow_origins")
  private List<String> allowOrigins;

  @Convert(converter = LinesConverter.class)
  @Column(name = "cors_allow_methods")
  private List<String> allowMethods;

  @Convert(converter = LinesConverter.class)
  @Column(name = "cors_allow_headers")
  private List<String> allowHeaders;

  @Convert(converter = LinesConverter.class)
  @Column(name = "cors_expose_headers")
  private List<String> exposeHeaders;

  @Column(name = "cors_allow_credentials")
  private boolean allowCredentials;

  @Column(name = "cors_max_age_seconds")
  private int maxAgeSeconds;

  protected CorsPolicy() {}

  /**
   * A validated policy. Null lists are empty; empty {@code allowMethods} means the methods of the
   * API's operations, filled in by {@link ApiSpec}; a null {@code allowCredentials} is false and a
   * null {@code maxAgeSeconds} is {@link #DEFAULT_MAX_AGE_SECONDS}.
   */
  public CorsPolicy(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      Boolean allowCredentials,
      Integer maxAgeSeconds) {
    this.allowOrigins = origins(allowOrigins);
    this.allowMethods = methods(allowMethods);
    this.allowHeaders = headerNames(allowHeaders, "allowHeaders");
    this.exposeHeaders = headerNames(exposeHeaders, "exposeHeaders");
    this.allowCredentials = Boolean.TRUE.equals(allowCredentials);
    this.maxAgeSeconds = maxAgeSeconds == null ? DEFAULT_MAX_AGE_SECONDS : maxAgeSeconds;
    if (this.maxAgeSeconds < 0 || this.maxAgeSeconds > MAX_MAX_AGE_SECONDS) {
      throw invalid("cors.maxAgeSeconds must be between 0 and " + MAX_MAX_AGE_SECONDS);
    }
    if (this.allowCredentials) {
      // Browsers refuse a credentialed response that allows any origin, and read "*" in the
      // header lists as a literal name: both would silently not work, so both are refused.
      if (this.allowOrigins.contains(ANY)) {
        throw invalid("cors.allowCredentials cannot be true when cors.allowOrigins is \"*\"");
      }
      if (this.allowHeaders.contains(ANY) || this.exposeHeaders.contains(ANY)) {
        throw invalid(
            "cors.allowHeaders and cors.exposeHeaders cannot contain \"*\" when"
                + " cors.allowCredentials is true");
      }
    }
  }

  /**
   * This policy, or when it names no methods a copy that allows the given ones (the methods of the
   * API's operations).
   */
  CorsPolicy withDefaultMethods(Collection<String> operationMethods) {
    if (!allowMethods.isEmpty()) {
      return this;
    }
    return new CorsPolicy(
        allowOrigins,
        List.copyOf(operationMethods),
        allowHeaders,
        exposeHeaders,
        allowCredentials,
        maxAgeSeconds);
  }

  private static List<String> origins(List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw invalid("cors.allowOrigins must list at least one origin, or \"*\"");
    }
    TreeSet<String> origins = new TreeSet<>();
    for (String value : limited(raw, "allowOrigins")) {
      origins.add(origin(value));
    }
    if (origins.contains(ANY) && origins.size() > 1) {
      throw invalid("cors.allowOrigins: \"*\" allows every origin and must be the only entry");
    }
    return List.copyOf(origins);
  }

  private static String origin(String raw) {
    String value = raw == null ? "" : raw.strip();
    if (value.equals(ANY)) {
      return ANY;
    }
    Matcher m = ORIGIN.matcher(value);
    if (value.length() > 300 || !m.matches()) {
      throw invalid(
          "cors.allowOrigins entries must be \"*\" or scheme://host[:port] with scheme http or"
              + " https and no path, e.g. https://app.example.com; got "
              + quoted(value));
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2).toLowerCase(Locale.ROOT);
    String origin = scheme + "://" + host;
    if (m.group(3) != null) {
      int port = Integer.parseInt(m.group(3));
      if (port < 1 || port > 65_535) {
        throw invalid("cors.allowOrigins: port " + m.group(3) + " is out of range");
      }
      // Browsers leave the scheme's default port out of the Origin header.
      boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
      if (!defaultPort) {
        origin += ":" + port;
      }
    }
    return origin;
  }

  private static String quoted(String value) {
    return "\"" + (value.length() > 100 ? value.substring(0, 100) + "..." : value) + "\"";
  }

  private static List<String> methods(List<String> raw) {
    List<String> given = new ArrayList<>();
    for (String value : limited(raw, "allowMethods")) {
      String method = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        throw invalid("cors.allowMethods entries must be among " + String.join(", ", METHODS));
      }
      given.add(method);
    }
    return METHODS.stream().filter(given::contains).toList();
  }

  private static List<String> headerNames(List<String> raw, String field) {
    TreeSet<String> names = new TreeSet<>();
    for (String value : limited(raw, field)) {
      String name = value == null ? "" : value.strip();
      if (!TOKEN.matcher(name).matches()) {
        throw invalid(
            "cors."
                + field
                + " entries must be header names (RFC 9110 tokens of up to 128 characters)");
      }
      names.add(name.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  private static List<String> limited(List<String> raw, String field) {
    List<String> values = raw == null ? List.of() : raw;
    if (values.size() > MAX_ENTRIES) {
      throw invalid("cors." + field + " has more than " + MAX_ENTRIES + " entries");
    }
    return values;
  }

  private static DomainException invalid(String message) {
    return DomainException.invalid("invalid_cors", message);
  }

  /** Exact origins, or the single entry {@code *}. */
  public List<String> allowOrigins() {
    return allowOrigins;
  }

  public List<String> allowMethods() {
    return allowMethods;
  }

  /** Request headers a page may send beyond the CORS-safelisted ones. */
  public List<String> allowHeaders() {
    return allowHeaders;
  }

  /** Response headers a page's script may read beyond the CORS-safelisted ones. */
  public List<String> exposeHeaders() {
    return exposeHeaders;
  }

  /** Whether cookies, HTTP authentication and client certificates go with cross-origin calls. */
  public boolean allowCredentials() {
    return allowCredentials;
  }

  /** How long a browser may cache a preflight answer. */
  public int maxAgeSeconds() {
    return maxAgeSeconds;
  }

  static CorsPolicy of(CorsDefinition d) {
    return new CorsPolicy(
        d.allowOrigins(),
        d.allowMethods(),
        d.allowHeaders(),
        d.exposeHeaders(),
        d.allowCredentials(),
        d.maxAgeSeconds());
  }

  CorsDefinition definition() {
    return new CorsDefinition(
        allowOrigins, allowMethods, allowHeaders, exposeHeaders, allowCredentials, maxAgeSeconds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorsPolicy c
        && allowOrigins.equals(c.allowOrigins)
        && allowMethods.equals(c.allowMethods)
        && allowHeaders.equals(c.allowHeaders)
        && exposeHeaders.equals(c.exposeHeaders)
        && allowCredentials == c.allowCredentials
        && maxAgeSeconds == c.maxAgeSeconds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        allowOrigins, allowMethods, allowHeaders, exposeHeaders, allowCredentials, maxAgeSeconds);
  }

  @Override
  public String toString() {
    return "CorsPolicy" + allowOrigins + allowMethods;
  }
}
