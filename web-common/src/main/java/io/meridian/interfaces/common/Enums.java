package io.meridian.interfaces.common;

import io.meridian.domain.model.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses enum values sent by clients, with an error that lists the allowed values. */
public final class Enums {

  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("missing_field", field + " is required");
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.trim())) {
        return e;
      }
    }
    throw DomainException.invalid(
        "invalid_" + field.toLowerCase(Locale.ROOT),
        field
            + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
  }
}
