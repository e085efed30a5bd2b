package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.CorsDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

  private static CorsPolicy origins(String... origins) {
    return new CorsPolicy(Arrays.asList(origins), List.of("GET"), null, null, null, null);
  }

  private static CorsPolicy headers(List<String> allow, List<String> expose, boolean credentials) {
    return new CorsPolicy(
        List.of("https://app.example.com"), List.of("GET"), allow, expose, credentials, null);
  }

  /** Asserts the policy is refused as invalid_cors, a 400. */
  private static void refused(Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals("invalid_cors", e.code());
    assertEquals(DomainException.Kind.INVALID, e.kind());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "*, *",
    "https://app.example.com, https://app.example.com",
    "http://localhost:3000, http://localhost:3000",
    "http://127.0.0.1:8080, http://127.0.0.1:8080",
    "https://[::1]:8443, https://[::1]:8443",
    "HTTPS://App.Example.COM, https://app.example.com",
    "https://a.example:443, https://a.example",
    "http://a.example:80, http://a.example",
    "https://a.example:80, https://a.example:80",
    "' https://xn--bcher-kva.example ', https://xn--bcher-kva.example"
  })
  void acceptsOriginsAndKeepsThemAsBrowsersSendThem(String given, String kept) {
    assertEquals(List.of(kept), origins(given).allowOrigins());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "app.example.com",
        "https://app.example.com/",
        "https://app.example.com/path",
        "https://app.example.com?q=1",
        "https://app.example.com#top",
        "ftp://app.example.com",
        "ws://app.example.com",
        "https://",
        "https://user@app.example.com",
        "https://*.example.com",
        "https://app.example.com.",
        "https://app.example.com:0",
        "https://app.example.com:65536",
        "https://app.example.com:",
        "https://bücher.example",
        "https://-app.example.com",
        "**"
      })
  void refusesAnythingButAnExactOriginOrStar(String origin) {
    refused(() -> origins(origin));
  }

  @Test
  void needsAtLeastOneOriginAndStarAlone() {
    refused(() -> new CorsPolicy(null, null, null, null, null, null));
    refused(() -> new CorsPolicy(List.of(), null, null, null, null, null));
    refused(() -> origins((String) null));
    refused(() -> origins("*", "https://app.example.com"));
  }

  @Test
  void sortsAndDeduplicatesOrigins() {
    assertEquals(
        List.of("http://localhost:3000", "https://app.example.com"),
        origins("https://app.example.com", "http://localhost:3000", "https://APP.example.com:443")
            .allowOrigins());
  }

  @Test
  void upperCasesMethodsKeepsEachOnceInAFixedOrder() {
    CorsPolicy p =
        new CorsPolicy(
            List.of("*"), List.of("delete", "GET", "post", "get", "Options"), null, null, null, 0);
    assertEquals(List.of("GET", "POST", "DELETE", "OPTIONS"), p.allowMethods());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "CONNECT", "FETCH", "", "*", "GET,POST"})
  void refusesMethodsOutsideTheSupportedSet(String method) {
    refused(() -> new CorsPolicy(List.of("*"), List.of(method), null, null, null, null));
  }

  @Test
  void lowerCasesHeaderNamesAndKeepsEachOnce() {
    CorsPolicy p =
        headers(
            List.of("X-Api-Key", "Content-Type", "x-api-key"),
            List.of("X-Request-Id", "ETag"),
            false);
    assertEquals(List.of("content-type", "x-api-key"), p.allowHeaders());
    assertEquals(List.of("etag", "x-request-id"), p.exposeHeaders());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Api Key", "X-Api-Key:", "Content\nType", "Ünïcode", "(x)", "a/b"})
  void refusesHeaderNamesThatAreNotTokens(String name) {
    refused(() -> headers(List.of(name), null, false));
    refused(() -> headers(null, List.of(name), false));
  }

  @Test
  void refusesOverlongHeaderNamesAndListsAndNullEntries() {
    refused(() -> headers(List.of("x".repeat(129)), null, false));
    List<String> many = IntStream.range(0, 101).mapToObj(i -> "x-h" + i).toList();
    refused(() -> headers(many, null, false));
    refused(() -> headers(Arrays.asList("x-a", null), null, false));
    refused(() -> new CorsPolicy(List.of("*"), Arrays.asList("GET", null), null, null, null, null));
  }

  @Test
  void defaultsToNoCredentialsAndTenMinutesOfPreflightCache() {
    CorsPolicy p = origins("https://app.example.com");
    assertFalse(p.allowCredentials());
    assertEquals(600, p.maxAgeSeconds());
    assertEquals(List.of(), p.allowHeaders());
    assertEquals(List.of(), p.exposeHeaders());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 86_401, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void refusesAPreflightCacheOutsideADay(int seconds) {
    refused(() -> new CorsPolicy(List.of("*"), List.of("GET"), null, null, null, seconds));
  }

  @Test
  void acceptsAPreflightCacheFromZeroToADay() {
    assertEquals(
        0, new CorsPolicy(List.of("*"), List.of("GET"), null, null, null, 0).maxAgeSeconds());
    assertEquals(
        86_400,
        new CorsPolicy(List.of("*"), List.of("GET"), null, null, null, 86_400).maxAgeSeconds());
  }

  @Test
  void refusesCredentialsWithAnyOriginOrWildcardHeaders() {
    refused(() -> new CorsPolicy(List.of("*"), List.of("GET"), null, null, true, null));
    refused(() -> headers(List.of("*"), null, true));
    refused(() -> headers(null, List.of("*"), true));
  }

  @Test
  void allowsWildcardHeadersWithoutCredentials() {
    assertEquals(List.of("*"), headers(List.of("*"), List.of("*"), false).allowHeaders());
  }

  @Test
  void emptyMethodsTakeThoseOfTheOperations() {
    CorsPolicy none = new CorsPolicy(List.of("*"), null, null, null, null, null);
    assertEquals(List.of(), none.allowMethods());
    assertEquals(
        List.of("GET", "PUT", "DELETE"),
        none.withDefaultMethods(List.of("PUT", "GET", "DELETE", "GET")).allowMethods());
    CorsPolicy some = new CorsPolicy(List.of("*"), List.of("POST"), null, null, null, null);
    assertEquals(List.of("POST"), some.withDefaultMethods(List.of("GET")).allowMethods());
  }

  @Test
  void definitionCarriesEveryMember() {
    assertEquals(
        new CorsDefinition(
            List.of("http://localhost:3000", "https://app.example.com"),
            List.of("GET", "POST"),
            List.of("authorization", "content-type"),
            List.of("x-request-id"),
            true,
            3600),
        ApiFixtures.cors().definition());
  }
}
