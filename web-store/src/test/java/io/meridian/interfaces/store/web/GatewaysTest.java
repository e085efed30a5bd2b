package io.meridian.interfaces.store.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The try-it panel calls only the configured gateways, never a host or path a developer slips in.
 */
class GatewaysTest {

  private static final Gateways GATEWAYS =
      Gateways.parse(
          " dc-master=http://10.201.1.1:8280/ , dc-ro1=http://10.201.2.1:8280,bad,x=ftp://h");

  @Test
  void readsDatacentersInOrderAndLeavesOutMalformedEntries() {
    assertEquals(List.of("dc-master", "dc-ro1"), GATEWAYS.datacenters());
    assertEquals(List.of("bad", "x=ftp://h"), GATEWAYS.invalid());
    assertTrue(Gateways.parse("").isEmpty());
    assertTrue(Gateways.parse(null).isEmpty());
  }

  @Test
  void buildsTheUrlFromTheDatacentersBaseAndThePath() {
    assertEquals(
        "http://10.201.1.1:8280/demo/1.0/hello?x=1",
        GATEWAYS.target("dc-master", "/demo/1.0/hello?x=1").toString());
    assertEquals(
        "http://10.201.2.1:8280/demo/1.0/a%20b",
        GATEWAYS.target("dc-ro1", "/demo/1.0/a%20b").toString());
  }

  @Test
  void refusesAnUnknownDatacenter() {
    assertThrows(IllegalArgumentException.class, () -> GATEWAYS.target("elsewhere", "/demo"));
    assertThrows(IllegalArgumentException.class, () -> GATEWAYS.target(null, "/demo"));
  }

  @Test
  void refusesPathsThatCouldLeaveTheGateway() {
    for (String path :
        List.of(
            "",
            "demo/1.0",
            "//evil.example/x",
            "/x?u=http://evil.example",
            "/demo/../admin",
            "/demo/%2e%2E/admin",
            "/demo/..",
            "/demo/./x",
            "/demo/%2fadmin",
            "/demo\\..\\x",
            "/demo#frag",
            "/demo/a b",
            "/demo/\r\nHost: x",
            "/demo/%zz",
            "@evil.example/x")) {
      assertThrows(IllegalArgumentException.class, () -> GATEWAYS.target("dc-master", path), path);
    }
  }

  @Test
  void refusesAPathWithUnfilledTemplateParameters() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GATEWAYS.target("dc-master", "/orders/{id}"));
    assertTrue(e.getMessage().contains("{parameters}"));
  }
}
