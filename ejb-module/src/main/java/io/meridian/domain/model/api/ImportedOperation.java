package io.meridian.domain.model.api;

import java.util.List;

/**
 * One operation as an imported description states it.
 *
 * @param tier the tier the description asks for, or null when it names none: a re-import then keeps
 *     the tier the publisher chose in Meridian for the same operation
 */
public record ImportedOperation(
    String method, String uriTemplate, boolean authRequired, List<String> scopes, String tier) {

  public ImportedOperation {
    scopes = List.copyOf(scopes);
  }

  /** The operation, with {@code fallbackTier} (null: Unlimited) when the description names none. */
  public Operation toOperation(String fallbackTier) {
    return new Operation(
        method, uriTemplate, authRequired, scopes, tier == null ? fallbackTier : tier);
  }
}
