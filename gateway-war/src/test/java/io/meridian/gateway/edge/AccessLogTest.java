package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

  @TempDir Path dir;

  @Test
  void writesOneLinePerRequestWhenClosed() throws Exception {
    Path file = dir.resolve("logs/access.log");
    AccessLog log = new AccessLog(file, "gw-test", Thread::new);
    for (int i = 0; i < 3; i++) {
      log.log(null, "GET", "req-" + i, 404, System.nanoTime());
    }
    log.close();
    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size());
    JsonObject first = Json.createReader(new StringReader(lines.get(0))).readObject();
    assertEquals("req-0", first.getString("requestId"));
    assertEquals("gw-test", first.getString("node"));
    assertEquals("GET", first.getString("method"));
    assertTrue(first.isNull("api"));
    assertEquals(404, first.getInt("status"));
    assertTrue(first.getJsonNumber("micros").longValue() >= 0);
    Instant.parse(first.getString("time"));
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
