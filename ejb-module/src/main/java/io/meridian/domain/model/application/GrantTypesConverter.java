package io.meridian.domain.model.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores grant types as one space-separated column of protocol names. */
@Converter
public class GrantTypesConverter implements AttributeConverter<Set<GrantType>, String> {

  @Override
  public String convertToDatabaseColumn(Set<GrantType> grants) {
    return grants.stream().map(GrantType::protocolName).sorted().collect(Collectors.joining(" "));
  }

  @Override
  public Set<GrantType> convertToEntityAttribute(String column) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.trim().split(" +"))
          .forEach(name -> GrantType.fromProtocolName(name).ifPresent(grants::add));
    }
    return grants;
  }
}
