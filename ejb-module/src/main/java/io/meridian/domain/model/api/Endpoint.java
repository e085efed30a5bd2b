package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import io.meridian.shared.api.EndpointDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.net.URI;
import java.net.URISyntaxException;

/** A backend endpoint with its timeout. */
@Embeddable
public class Endpoint {

  public static final int DEFAULT_TIMEOUT_MILLIS = 30_000;
  public static final int MAX_TIMEOUT_MILLIS = 300_000;

  @Column(name = "url", nullable = false, length = 2048)
  private String url;

  @Column(name = "timeout_ms", nullable = false)
  private int timeoutMillis;

  protected Endpoint() {}

  public Endpoint(String url, Integer timeoutMillis) {
    this.url = checkUrl(url);
    int timeout = timeoutMillis == null ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
    if (timeout < 1 || timeout > MAX_TIMEOUT_MILLIS) {
      throw DomainException.invalid(
          "invalid_timeout", "timeoutMillis must be between 1 and " + MAX_TIMEOUT_MILLIS);
    }
    this.timeoutMillis = timeout;
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

  public String url() {
    return url;
  }

  public int timeoutMillis() {
    return timeoutMillis;
  }

  EndpointDefinition definition() {
    return new EndpointDefinition(url, timeoutMillis);
  }
}
