package io.meridian.shared.api;

/** A backend endpoint: where the gateway sends a request and how long it waits for an answer. */
public record EndpointDefinition(String url, int timeoutMillis) {}
