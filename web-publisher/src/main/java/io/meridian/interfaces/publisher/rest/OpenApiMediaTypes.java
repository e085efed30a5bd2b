package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.shared.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The media types OpenAPI documents travel as, and the choice between JSON and YAML. */
final class OpenApiMediaTypes {

  static final String YAML = "application/yaml";

  private OpenApiMediaTypes() {}

  /**
   * YAML when {@code format} says {@code yaml}, or when it is absent and the client prefers YAML to
   * JSON; JSON otherwise.
   */
  static boolean wantsYaml(String format, HttpHeaders headers) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "yaml" -> true;
        case "json" -> false;
        default -> throw DomainException.invalid("invalid_format", "format must be json or yaml");
      };
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
        return false;
      }
      if (type.getSubtype().endsWith("yaml")) {
        return true;
      }
    }
    return false;
  }
}
