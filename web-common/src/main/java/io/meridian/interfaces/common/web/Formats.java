package io.meridian.interfaces.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small formatting helpers the pages call from EL ({@code #{fmt.join(list, ', ')}}). */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

  public String join(Collection<?> values, String separator) {
    return values == null
        ? ""
        : values.stream().map(String::valueOf).collect(Collectors.joining(separator));
  }

  public String time(OffsetDateTime at) {
    return at == null ? "–" : TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** A number with one decimal: 3.2. */
  public String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A duration in milliseconds as people read it: 850 ms, 4.2 s, 3 min. */
  public String millis(Long millis) {
    if (millis == null) {
      return "–";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format("%.1f s", millis / 1000.0);
    }
    return (millis / 60_000) + " min";
  }
}
