package io.meridian.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HopByHopTest {

  @Test
  void neverForwardsTheConsumersAuthorizationOrHopByHopHeaders() {
    Set<String> excluded = HopByHop.excluded("close, X-Secret-Hop", true);
    assertTrue(excluded.contains("authorization"));
    assertTrue(excluded.contains("connection"));
    assertTrue(excluded.contains("transfer-encoding"));
    assertTrue(excluded.contains("x-secret-hop"), "headers named in Connection are hop-by-hop");
    assertFalse(excluded.contains("accept"));
    assertFalse(
        HopByHop.excluded(null, false).contains("authorization"), "backend responses keep theirs");
  }

  @Test
  void appendsTheClientToXForwardedFor() {
    assertEquals("10.0.0.1", HopByHop.forwardedFor(null, "10.0.0.1"));
    assertEquals("1.1.1.1, 10.0.0.1", HopByHop.forwardedFor("1.1.1.1", "10.0.0.1"));
  }

  @Test
  void keepsOnlySaneRequestIds() {
    assertEquals("abc-123", HopByHop.acceptableRequestId("abc-123"));
    assertNull(HopByHop.acceptableRequestId("abc\r\nInjected: 1"));
    assertNull(HopByHop.acceptableRequestId("x".repeat(200)));
  }

  @Test
  void comparesHeaderNamesIgnoringCase() {
    assertTrue(HopByHop.excluded(null, true).contains("Authorization"));
    assertTrue(HopByHop.excluded("X-Hop", false).contains("x-HOP"));
  }
}
