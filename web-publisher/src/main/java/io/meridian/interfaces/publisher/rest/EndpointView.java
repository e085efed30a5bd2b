package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.api.Endpoint;
import io.meridian.domain.model.shared.DomainException;
import java.util.List;

/**
 * A backend endpoint in publisher requests and responses. A request gives either {@code url} (one
 * backend) or {@code urls} (several, balanced in order); a response always has {@code urls} and,
 * for clients written before there could be several, {@code url}: the first of them. A response
 * sent back as a request is therefore accepted: {@code url} may accompany {@code urls} when it is
 * their first.
 */
public record EndpointView(String url, List<String> urls, Integer timeoutMillis) {

  static EndpointView of(Endpoint e) {
    return new EndpointView(e.url(), e.urls(), e.timeoutMillis());
  }

  /** The endpoint this request part describes; {@code field} names it in error messages. */
  Endpoint toEndpoint(String field) {
    if (url != null && urls != null && (urls.isEmpty() || !url.equals(urls.get(0)))) {
      throw DomainException.invalid(
          "conflicting_endpoint_urls", field + " has url and urls that disagree; give one of them");
    }
    if (urls != null && !urls.isEmpty()) {
      return new Endpoint(urls, timeoutMillis);
    }
    if (url != null) {
      return new Endpoint(url, timeoutMillis);
    }
    throw DomainException.invalid(
        "missing_field", field + ".url or " + field + ".urls is required");
  }
}
