package io.meridian.shared.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs a message with named fields. Payara's JSON formatter (the format of Meridian's logs) adds
 * the entries of a {@link Map} parameter to the record's JSON object, so {@code api}, {@code node}
 * and the like can be filtered on instead of parsed out of the text; other formatters show the
 * message alone. Never put a token, secret or password in a field.
 */
public final class LogFields {

  private LogFields() {}

  /** Fields from name/value pairs; null values are left out. */
  public static Map<String, String> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  /** Logs {@code message} (no {@code {0}} placeholders: it is not formatted) with the fields. */
  public static void log(
      Logger logger, Level level, String message, Map<String, String> fields, Throwable thrown) {
    if (!logger.isLoggable(level)) {
      return;
    }
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger.getName());
    record.setParameters(new Object[] {fields});
    record.setThrown(thrown);
    logger.log(record);
  }

  public static void info(Logger logger, String message, Map<String, String> fields) {
    log(logger, Level.INFO, message, fields, null);
  }

  public static void warning(Logger logger, String message, Map<String, String> fields) {
    log(logger, Level.WARNING, message, fields, null);
  }
}
