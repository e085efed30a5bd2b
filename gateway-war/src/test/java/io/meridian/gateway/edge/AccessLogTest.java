package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

  @TempDir Path dir;

  @Test
  void writesOneLinePerRequestWhenClosed() throws Exception {
    Path file = dir.resolve("logs/access.log");
    AccessLog log = new AccessLog(file, Thread::new);
    for (int i = 0; i < 3; i++) {
      log.log(null, "GET", "req-" + i, 404, System.nanoTime());
    }
    log.close();
    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size());
    assertTrue(Pattern.matches("\\S+ req-0 GET - - - 404 \\d+us", lines.get(0)), lines.get(0));
    assertEquals(0, log.dropped());
  }

  @Test
  void requestIdsLookLikeUuidsAndDiffer() {
    String a = RequestIds.next();
    String b = RequestIds.next();
    assertTrue(a.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), a);
    assertTrue(!a.equals(b));
  }
}
