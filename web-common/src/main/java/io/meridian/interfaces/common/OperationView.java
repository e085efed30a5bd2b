package io.meridian.interfaces.common;

import io.meridian.domain.model.api.Operation;
import java.util.List;

/** An API operation as both web modules show it, and as publishers send it. */
public record OperationView(
    String method, String uriTemplate, Boolean authRequired, List<String> scopes, String tier) {

  public static OperationView of(Operation o) {
    return new OperationView(o.method(), o.uriTemplate(), o.authRequired(), o.scopes(), o.tier());
  }

  public Operation toOperation() {
    return new Operation(method, uriTemplate, authRequired, scopes, tier);
  }
}
