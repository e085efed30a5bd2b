package io.meridian.domain.model.api;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Stores a list of values that never contain a line break (URLs, origins, header names) as one text
 * column, one value per line. A column written before it held a list, with a single value and no
 * line break, reads back as a one-element list.
 */
@Converter
public class LinesConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    // null stays null: an embedded value object that is absent (an API without CORS) is written
    // as all-null columns, which is how it is recognised as absent when read back.
    return values == null ? null : String.join("\n", values);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split("\n")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
