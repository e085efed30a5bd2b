package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiSpecTest {

  private static String code(Runnable r) {
    return assertThrows(DomainException.class, r::run).code();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/orders",
        "/orders/{id}",
        "/orders/{id}/items/{item_no}",
        "/files/*",
        "/a.b/c-d"
      })
  void acceptsUriTemplates(String template) {
    assertDoesNotThrow(() -> new Operation("GET", template, true, List.of(), "Gold"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"orders", "/orders/", "//orders", "/orders/{}", "/orders/{1id}", "/a b", "/x/*/y"})
  void refusesMalformedUriTemplates(String template) {
    assertEquals(
        "invalid_uri_template",
        code(() -> new Operation("GET", template, true, List.of(), "Gold")));
  }

  @Test
  void refusesUnknownMethodsAndBadScopes() {
    assertEquals(
        "invalid_method", code(() -> new Operation("FETCH", "/", true, List.of(), "Gold")));
    assertEquals(
        "invalid_scope", code(() -> new Operation("GET", "/", true, List.of("has space"), "Gold")));
  }

  @Test
  void normalisesMethodAndDefaultsToAuthenticatedUnlimited() {
    Operation op = new Operation("get", "/menu", null, null, null);
    assertEquals("GET", op.method());
    assertEquals(true, op.authRequired());
    assertEquals("Unlimited", op.tier());
  }

  @Test
  void refusesDuplicateOperationsAndEmptyOperationLists() {
    Operation a = new Operation("GET", "/menu", true, List.of(), "Gold");
    Endpoint e = new Endpoint("http://b", null);
    assertEquals(
        "duplicate_operation",
        code(
            () ->
                new ApiSpec(
                    "n",
                    "/p",
                    "1",
                    false,
                    null,
                    null,
                    null,
                    List.of(a, a),
                    e,
                    null,
                    null,
                    null,
                    null)));
    assertEquals(
        "missing_field",
        code(
            () ->
                new ApiSpec(
                    "n", "/p", "1", false, null, null, null, List.of(), e, null, null, null,
                    null)));
  }

  @Test
  void validatesContextVersionEndpointsAndDatacenters() {
    Operation a = new Operation("GET", "/menu", true, List.of(), "Gold");
    Endpoint e = new Endpoint("http://b", null);
    assertEquals(
        "invalid_context",
        code(
            () ->
                new ApiSpec(
                    "n",
                    "pizza",
                    "1",
                    false,
                    null,
                    null,
                    null,
                    List.of(a),
                    e,
                    null,
                    null,
                    null,
                    null)));
    assertEquals(
        "invalid_version",
        code(
            () ->
                new ApiSpec(
                    "n",
                    "/p",
                    "1 0",
                    false,
                    null,
                    null,
                    null,
                    List.of(a),
                    e,
                    null,
                    null,
                    null,
                    null)));
    assertEquals("invalid_endpoint_url", code(() -> new Endpoint("ftp://x", null)));
    assertEquals("invalid_endpoint_url", code(() -> new Endpoint("not a url", null)));
    assertEquals("invalid_timeout", code(() -> new Endpoint("http://x", 0)));
    assertEquals(
        "invalid_datacenter",
        code(
            () ->
                new ApiSpec(
                    "n",
                    "/p",
                    "1",
                    false,
                    null,
                    null,
                    null,
                    List.of(a),
                    e,
                    Map.of("DC 2", e),
                    null,
                    null,
                    null)));
    assertEquals(
        "missing_field",
        code(
            () ->
                new ApiSpec(
                    " ",
                    "/p",
                    "1",
                    false,
                    null,
                    null,
                    null,
                    List.of(a),
                    e,
                    null,
                    null,
                    null,
                    null)));
  }

  @Test
  void aCorsPolicyWithoutMethodsAllowsThoseOfTheOperations() {
    List<Operation> ops =
        List.of(
            new Operation("POST", "/orders", true, List.of(), "Gold"),
            new Operation("GET", "/orders/{id}", true, List.of(), "Gold"),
            new Operation("GET", "/menu", true, List.of(), "Gold"));
    Endpoint e = new Endpoint("http://b", null);
    CorsPolicy open = new CorsPolicy(List.of("*"), List.of(), null, null, null, null);
    ApiSpec spec =
        new ApiSpec("n", "/p", "1", false, null, null, null, ops, e, null, open, null, null);
    assertEquals(List.of("GET", "POST"), spec.cors().allowMethods());

    CorsPolicy getOnly = new CorsPolicy(List.of("*"), List.of("GET"), null, null, null, null);
    assertEquals(
        List.of("GET"),
        new ApiSpec("n", "/p", "1", false, null, null, null, ops, e, null, getOnly, null, null)
            .cors()
            .allowMethods());
    assertNull(
        new ApiSpec("n", "/p", "1", false, null, null, null, ops, e, null, null, null, null)
            .cors());
  }

  @Test
  void theApiTierDefaultsToUnlimitedAndIsCheckedWithTheOperationTiers() {
    List<Operation> ops =
        List.of(
            new Operation("GET", "/menu", true, List.of(), "Gold"),
            new Operation("GET", "/orders", true, List.of(), null));
    Endpoint e = new Endpoint("http://b", null);
    ApiSpec unlimited =
        new ApiSpec("n", "/p", "1", false, null, null, null, ops, e, null, null, null, null);
    assertEquals("Unlimited", unlimited.tier());
    assertEquals(Set.of("Gold", "Unlimited"), unlimited.tierNames());
    ApiSpec bronze =
        new ApiSpec("n", "/p", "1", false, null, null, null, ops, e, null, null, " Bronze ", null);
    assertEquals("Bronze", bronze.tier());
    assertEquals(Set.of("Gold", "Unlimited", "Bronze"), bronze.tierNames());
    assertEquals(
        "missing_field",
        code(
            () ->
                new ApiSpec(
                    "n", "/p", "1", false, null, null, null, ops, e, null, null, " ", null)));
  }
}
