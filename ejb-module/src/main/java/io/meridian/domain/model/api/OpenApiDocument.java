package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document an API was imported from, as the publisher gave it (JSON or YAML). Meridian
 * keeps it to show developers the documentation it carries and to give back on export what the
 * definition does not model (summaries, parameters, schemas).
 *
 * @param text the document, at most {@link #MAX_BYTES} bytes of UTF-8
 */
public record OpenApiDocument(String text) {

  /** 2 MiB: far more than a large real-world description, small enough to parse on a request. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  public OpenApiDocument {
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("invalid_openapi", "The OpenAPI document is empty");
    }
    // A char is at most 3 UTF-8 bytes: only encode when the length alone cannot decide.
    if (text.length() > MAX_BYTES
        || (text.length() * 3L > MAX_BYTES
            && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)) {
      throw tooLarge();
    }
  }

  /** The failure of a document past {@link #MAX_BYTES}, for whoever notices it first. */
  public static DomainException tooLarge() {
    return DomainException.invalid(
        "document_too_large",
        "An OpenAPI document may have at most 2 MiB (" + MAX_BYTES + " bytes)");
  }

  /** JSON documents start with an object; anything else is YAML (a superset of JSON). */
  public boolean isJson() {
    return text.stripLeading().startsWith("{");
  }
}
