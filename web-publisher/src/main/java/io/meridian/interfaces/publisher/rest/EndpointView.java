package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.api.Endpoint;

/** A backend endpoint in publisher requests and responses. */
public record EndpointView(String url, Integer timeoutMillis) {

  static EndpointView of(Endpoint e) {
    return new EndpointView(e.url(), e.timeoutMillis());
  }

  Endpoint toEndpoint() {
    return new Endpoint(url, timeoutMillis);
  }
}
