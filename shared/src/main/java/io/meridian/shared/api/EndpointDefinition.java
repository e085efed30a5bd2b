package io.meridian.shared.api;

import java.util.List;

/**
 * A backend endpoint: the URLs a gateway balances requests over (round robin, skipping one that
 * keeps failing) and how long it waits for an answer.
 */
public record EndpointDefinition(List<String> urls, int timeoutMillis) {

  public EndpointDefinition {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an endpoint has at least one URL");
    }
  }

  /** An endpoint with a single URL. */
  public EndpointDefinition(String url, int timeoutMillis) {
    this(List.of(url), timeoutMillis);
  }

  /** The first URL: the only one of a single-URL endpoint. */
  public String url() {
    return urls.get(0);
  }
}
