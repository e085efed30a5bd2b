package io.meridian.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.api.ApiDefinition;
import io.meridian.shared.api.EndpointDefinition;
import io.meridian.shared.api.OperationDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  static ApiDefinition api(String id, String context, String version, OperationDefinition... ops) {
    return api(id, context, version, false, ops);
  }

  static ApiDefinition api(
      String id,
      String context,
      String version,
      boolean defaultVersion,
      OperationDefinition... ops) {
    return new ApiDefinition(
        id,
        "n",
        context,
        version,
        defaultVersion,
        "",
        List.of(),
        "PUBLIC",
        "o",
        List.of(ops),
        new EndpointDefinition("http://default", 1000),
        Map.of("dc-eu", new EndpointDefinition("http://eu", 1000)),
        null,
        null);
  }

  static OperationDefinition op(String method, String template) {
    return new OperationDefinition(method, template, true, List.of(), "Gold");
  }

  private final RouteTable table =
      new RouteTable(
          List.of(
              Route.of(
                  api(
                      "pizza",
                      "/pizza",
                      "1.0",
                      op("GET", "/orders/{id}"),
                      op("GET", "/orders/latest"),
                      op("POST", "/orders"),
                      op("GET", "/files/*"),
                      op("GET", "/")),
                  1,
                  false,
                  "dc-eu"),
              Route.of(api("shop", "/shop/eu", "v2", op("GET", "/items")), 1, false, "dc-us"),
              Route.of(
                  api("shop-v1", "/shop/eu", "v1", true, op("GET", "/items")), 1, false, "dc-us")));

  private RouteMatch.Found found(String method, String path) {
    return assertInstanceOf(RouteMatch.Found.class, table.match(method, path));
  }

  @Test
  void literalSegmentsWinOverVariables() {
    assertEquals(
        "/orders/latest",
        found("GET", "/pizza/1.0/orders/latest").operation().template().toString());
    assertEquals(
        "/orders/{id}", found("GET", "/pizza/1.0/orders/42").operation().template().toString());
  }

  @Test
  void passesTheRawPathBelowContextAndVersionToTheBackend() {
    assertEquals("/orders/a%2Fb", found("GET", "/pizza/1.0/orders/a%2Fb").backendPath());
    assertEquals("/orders/42/", found("GET", "/pizza/1.0/orders/42/").backendPath());
    assertEquals("", found("GET", "/pizza/1.0").backendPath());
  }

  @Test
  void anEncodedSlashDoesNotSplitASegment() {
    assertEquals(
        "/orders/{id}", found("GET", "/pizza/1.0/orders/a%2Fb").operation().template().toString());
  }

  @Test
  void toleratesATrailingSlash() {
    assertEquals(
        "/orders/{id}", found("GET", "/pizza/1.0/orders/42/").operation().template().toString());
    assertEquals("/", found("GET", "/pizza/1.0/").operation().template().toString());
  }

  @Test
  void wildcardsMatchTheRestOfThePath() {
    assertEquals(
        "/files/*", found("GET", "/pizza/1.0/files/a/b/c.txt").operation().template().toString());
  }

  @Test
  void matchesMultiSegmentContexts() {
    assertEquals("shop", found("GET", "/shop/eu/v2/items").route().apiId());
  }

  @Test
  void tellsUnknownApiUnknownResourceAndWrongMethodApart() {
    assertInstanceOf(RouteMatch.NoApi.class, table.match("GET", "/pizza/2.0/orders/1"));
    assertInstanceOf(RouteMatch.NoApi.class, table.match("GET", "/"));
    assertInstanceOf(RouteMatch.NoResource.class, table.match("GET", "/pizza/1.0/menu"));
    assertInstanceOf(RouteMatch.NoResource.class, table.match("GET", "/pizza/1.0/orders//x"));
    RouteMatch.MethodNotAllowed na =
        assertInstanceOf(
            RouteMatch.MethodNotAllowed.class, table.match("DELETE", "/pizza/1.0/orders"));
    assertEquals("POST", na.allowed());
  }

  @Test
  void choosesTheEndpointOfItsDatacenter() {
    assertEquals(
        "http://eu",
        found("GET", "/pizza/1.0/orders/1").route().endpoint().upstreams().get(0).url());
    assertEquals(
        "http://default",
        found("GET", "/shop/eu/v2/items").route().endpoint().upstreams().get(0).url());
  }

  @Test
  void servesTheDefaultVersionWithoutItsVersionSegment() {
    RouteMatch.Found f = found("GET", "/shop/eu/items");
    assertEquals("shop-v1", f.route().apiId());
    assertEquals("/items", f.backendPath());
    assertEquals("shop", found("GET", "/shop/eu/v2/items").route().apiId());
    assertInstanceOf(RouteMatch.NoApi.class, table.match("GET", "/pizza/orders/1"));
  }

  @Test
  void templatesMatchWholeSegmentsOnly() {
    UriTemplate t = new UriTemplate("/orders/{id}");
    assertTrue(t.matches(List.of("orders", "1")));
    assertFalse(t.matches(List.of("orders")));
    assertFalse(t.matches(List.of("orders", "1", "x")));
    assertFalse(t.matches(List.of("orders", "")));
    assertEquals(List.of("a", "", "b"), Paths.segments("/a//b"));
  }
}
