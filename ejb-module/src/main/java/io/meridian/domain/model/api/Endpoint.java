package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import io.meridian.shared.api.EndpointDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A backend endpoint: the URLs gateways balance requests over, in the order given, and the timeout
 * of one call. A single-URL endpoint is the common case.
 */
@Embeddable
public class Endpoint {

  public static final int DEFAULT_TIMEOUT_MILLIS = 30_000;
  public static final int MAX_TIMEOUT_MILLIS = 300_000;
  public static final int MAX_URLS = 16;

  // The column predates multi-URL endpoints; a row written then holds one URL and no line break.
  @Convert(converter = LinesConverter.class)
  @Column(name = "url", nullable = false)
  private List<String> urls;

  @Column(name = "timeout_ms", nullable = false)
  private int timeoutMillis;

  protected Endpoint() {}

  /** A single-URL endpoint; a null timeout means {@link #DEFAULT_TIMEOUT_MILLIS}. */
  public Endpoint(String url, Integer timeoutMillis) {
    this(Collections.singletonList(url), timeoutMillis);
  }

  /** An endpoint over 1 to {@link #MAX_URLS} distinct URLs; a null timeout means the default. */
  public Endpoint(List<String> urls, Integer timeoutMillis) {
    this.urls = checkUrls(urls);
    int timeout = timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
    if (timeout < 1 || timeout > MAX_TIMEOUT_MILLIS) {
      throw DomainException.invalid(
          "invalid_timeout", "timeoutMillis must be between 1 and " + MAX_TIMEOUT_MILLIS);
    }
    this.timeoutMillis = timeout;
  }

  private static List<String> checkUrls(List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw DomainException.invalid("missing_field", "an endpoint needs at least one url");
    }
    if (raw.size() > MAX_URLS) {
      throw DomainException.invalid(
          "too_many_endpoint_urls", "an endpoint has at most " + MAX_URLS + " urls");
    }
    List<String> urls = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (String url : raw) {
      String checked = checkUrl(url);
      if (!seen.add(checked)) {
        throw DomainException.invalid(
            "duplicate_endpoint_url", "endpoint url " + checked + " is listed twice");
      }
      urls.add(checked);
    }
    return List.copyOf(urls);
  }

  private static String checkUrl(String raw) {
    String value = Require.text(raw, "endpoint url", 2048);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
        throw DomainException.invalid(
            "invalid_endpoint_url", "endpoint url must be an absolute http or https URL");
      }
      return value;
    } catch (URISyntaxException e) {
      throw DomainException.invalid("invalid_endpoint_url", "endpoint url is not a valid URL");
    }
  }

  /** The URLs, in the order gateways try them. */
  public List<String> urls() {
    return urls;
  }

  /** The first URL: the only one of a single-URL endpoint. */
  public String url() {
    return urls.get(0);
  }

  public int timeoutMillis() {
    return timeoutMillis;
  }

  static Endpoint of(EndpointDefinition d) {
    return new Endpoint(d.urls(), d.timeoutMillis());
  }

  EndpointDefinition definition() {
    return new EndpointDefinition(urls, timeoutMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && timeoutMillis == e.timeoutMillis && urls.equals(e.urls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(urls, timeoutMillis);
  }

  @Override
  public String toString() {
    return "Endpoint" + urls + " " + timeoutMillis + " ms";
  }
}
