package io.meridian.shared.api;

import java.util.List;

/**
 * One operation of an API: an HTTP method and URI template, whether it needs a token, the scopes
 * the token must carry and the throttling tier that applies.
 */
public record OperationDefinition(
    String method, String uriTemplate, boolean authRequired, List<String> scopes, String tier) {

  public OperationDefinition {
    scopes = List.copyOf(scopes);
  }
}
