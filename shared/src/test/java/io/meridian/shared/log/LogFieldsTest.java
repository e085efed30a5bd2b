package io.meridian.shared.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogFieldsTest {

  @Test
  void fieldsTravelAsOneMapParameterAndTheMessageStaysAsWritten() {
    Logger logger = Logger.getLogger("io.meridian.test.LogFieldsTest");
    logger.setUseParentHandlers(false);
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      Map<String, String> fields = LogFields.of("api", "a-1", "node", "gw-r1", "revision", 3);
      LogFields.info(logger, "Activated", fields);
      assertEquals(1, records.size());
      LogRecord r = records.get(0);
      assertEquals(Level.INFO, r.getLevel());
      assertEquals("Activated", r.getMessage());
      assertEquals(logger.getName(), r.getLoggerName());
      assertArrayEquals(
          new Object[] {Map.of("api", "a-1", "node", "gw-r1", "revision", "3")}, r.getParameters());
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void nullValuesAreLeftOutAndPairsAreRequired() {
    assertEquals(Map.of("node", "gw"), LogFields.of("api", null, "node", "gw"));
    assertThrows(IllegalArgumentException.class, () -> LogFields.of("api"));
  }
}
