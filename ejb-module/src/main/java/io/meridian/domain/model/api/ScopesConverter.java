package io.meridian.domain.model.api;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a list of OAuth scopes as one space-separated column, as RFC 6749 writes them. */
@Converter
public class ScopesConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> scopes) {
    return scopes == null ? "" : String.join(" ", scopes);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.trim().split(" +")).toList();
  }
}
