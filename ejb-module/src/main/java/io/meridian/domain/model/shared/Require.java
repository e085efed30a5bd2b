package io.meridian.domain.model.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks that fail with a {@link DomainException} naming the offending field. */
public final class Require {

  private Require() {}

  public static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("missing_field", field + " is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw DomainException.invalid(
          "field_too_long", field + " must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public static String optionalText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return text(value, field, maxLength);
  }

  public static String matching(String value, String field, Pattern pattern, String rule) {
    String v = text(value, field, 256);
    if (!pattern.matcher(v).matches()) {
      throw DomainException.invalid("invalid_" + snake(field), field + " " + rule);
    }
    return v;
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw DomainException.invalid("missing_field", field + " is required");
    }
    return value;
  }

  private static String snake(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
