package io.meridian.interfaces.publisher.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.shared.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Publisher API bodies as JSON-B binds them, turned into specs, and APIs shown as views. */
class ApiAssemblerTest {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  /** A body with the given endpoints member and extra members (each with a leading comma). */
  private static String body(String endpoints, String extra) {
    return """
        {"name":"Pizza","context":"/pizza","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/menu"},
                       {"method":"POST","uriTemplate":"/orders"}],
         "endpoints":%s%s}
        """
        .formatted(endpoints, extra);
  }

  private static ApiSpec spec(String json) {
    return ApiAssembler.toSpec(JSONB.fromJson(json, ApiRequest.class));
  }

  private static String code(String json) {
    return assertThrows(DomainException.class, () -> spec(json)).code();
  }

  private static JsonObject view(ApiSpec spec) {
    String json = JSONB.toJson(ApiAssembler.toView(Api.create(spec, "pat", NOW)));
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void acceptsOneUrlAsBefore() {
    ApiSpec spec =
        spec(body("{\"production\":{\"url\":\"http://a:9000\",\"timeoutMillis\":5000}}", ""));
    assertEquals(List.of("http://a:9000"), spec.defaultEndpoint().urls());
    assertEquals(5000, spec.defaultEndpoint().timeoutMillis());
    assertNull(spec.cors());
  }

  @Test
  void acceptsSeveralUrlsForProductionAndEachDatacenter() {
    ApiSpec spec =
        spec(
            body(
                """
                {"production":{"urls":["http://b:9000","http://a:9000"],"timeoutMillis":5000},
                 "datacenters":{"dc-eu":{"urls":["http://eu1:9000","http://eu2:9000"]},
                                "dc-us":{"url":"http://us:9000"}}}
                """,
                ""));
    assertEquals(List.of("http://b:9000", "http://a:9000"), spec.defaultEndpoint().urls());
    assertEquals(
        List.of("http://eu1:9000", "http://eu2:9000"),
        spec.datacenterEndpoints().get("dc-eu").urls());
    assertEquals(List.of("http://us:9000"), spec.datacenterEndpoints().get("dc-us").urls());
  }

  @Test
  void acceptsAViewSentBackAsItIs() {
    ApiSpec spec =
        spec(
            body(
                """
                {"production":{"url":"http://b:9000","urls":["http://b:9000","http://a:9000"]}}
                """,
                ""));
    assertEquals(List.of("http://b:9000", "http://a:9000"), spec.defaultEndpoint().urls());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"production\":{\"url\":\"http://a\",\"urls\":[\"http://b\"]}}",
        "{\"production\":{\"url\":\"http://a\",\"urls\":[]}}",
        "{\"production\":{\"url\":\"http://a\"},"
            + "\"datacenters\":{\"dc-eu\":{\"url\":\"http://a\",\"urls\":[\"http://b\",\"http://a\"]}}}"
      })
  void refusesUrlAndUrlsThatDisagree(String endpoints) {
    assertEquals("conflicting_endpoint_urls", code(body(endpoints, "")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"production\":{\"timeoutMillis\":5000}}",
        "{\"production\":{\"urls\":[]}}",
        "{\"production\":{\"url\":null,\"urls\":null}}",
        "{\"production\":{\"urls\":[null]}}",
        "{}",
        "{\"production\":{\"url\":\"http://a\"},\"datacenters\":{\"dc-eu\":{}}}",
        "{\"production\":{\"url\":\"http://a\"},\"datacenters\":{\"dc-eu\":null}}"
      })
  void refusesAnEndpointWithoutUrlsAsAMissingField(String endpoints) {
    assertEquals("missing_field", code(body(endpoints, "")));
  }

  @Test
  void refusesBadUrlListsWithTheirOwnCodes() {
    assertEquals(
        "duplicate_endpoint_url",
        code(body("{\"production\":{\"urls\":[\"http://a\",\"http://a\"]}}", "")));
    assertEquals(
        "invalid_endpoint_url",
        code(body("{\"production\":{\"urls\":[\"http://a\",\"ftp://b\"]}}", "")));
    String seventeen =
        String.join(
            ",",
            java.util.stream.IntStream.range(0, 17)
                .mapToObj(i -> "\"http://h" + i + "\"")
                .toList());
    assertEquals(
        "too_many_endpoint_urls",
        code(body("{\"production\":{\"urls\":[" + seventeen + "]}}", "")));
  }

  @Test
  void readsACorsPolicyAndFillsInItsDefaults() {
    ApiSpec spec =
        spec(
            body(
                "{\"production\":{\"url\":\"http://a\"}}",
                ",\"cors\":{\"allowOrigins\":[\"https://app.example.com\"]}"));
    assertEquals(List.of("https://app.example.com"), spec.cors().allowOrigins());
    assertEquals(List.of("GET", "POST"), spec.cors().allowMethods(), "the operations' methods");
    assertEquals(List.of(), spec.cors().allowHeaders());
    assertFalse(spec.cors().allowCredentials());
    assertEquals(600, spec.cors().maxAgeSeconds());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"allowOrigins\":[]}",
        "{\"allowOrigins\":[\"https://app.example.com/\"]}",
        "{\"allowOrigins\":[\"*\"],\"allowCredentials\":true}",
        "{\"allowOrigins\":[\"*\"],\"allowMethods\":[\"TRACE\"]}",
        "{\"allowOrigins\":[\"*\"],\"allowHeaders\":[\"X Bad\"]}",
        "{\"allowOrigins\":[\"*\"],\"exposeHeaders\":[null]}",
        "{\"allowOrigins\":[\"*\"],\"maxAgeSeconds\":86401}",
        "{\"allowOrigins\":[\"*\"],\"maxAgeSeconds\":-1}"
      })
  void refusesABadCorsPolicyAsInvalidCors(String cors) {
    assertEquals(
        "invalid_cors", code(body("{\"production\":{\"url\":\"http://a\"}}", ",\"cors\":" + cors)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"production\":{\"urls\":\"http://a\"}}",
        "{\"production\":{\"urls\":{\"x\":1}}}",
        "{\"production\":{\"url\":\"http://a\"}},\"cors\":\"yes\"",
        "{\"production\":{\"url\":\"http://a\"}},\"cors\":{\"allowOrigins\":\"*\"}",
        "{\"production\":{\"url\":\"http://a\"}},\"cors\":{\"allowOrigins\":[\"*\"],"
            + "\"maxAgeSeconds\":\"ten\"}",
        "{\"production\":{\"url\":\"http://a\"}},\"cors\":{\"allowOrigins\":[\"*\"],"
            + "\"allowHeaders\":[[\"x\"]]}"
      })
  void wrongJsonShapesFailBindingAsMalformedJsonDoes(String endpointsAndMore) {
    // The JSON-B provider turns a JsonbException into the 400 malformed_json problem.
    assertThrows(JsonbException.class, () -> spec(body(endpointsAndMore, "")));
  }

  @Test
  void viewsShowEveryUrlTheFirstAsUrlAndCorsOnlyWhenSet() {
    JsonObject plain = view(spec(body("{\"production\":{\"url\":\"http://a:9000\"}}", "")));
    JsonObject production = plain.getJsonObject("endpoints").getJsonObject("production");
    assertEquals("http://a:9000", production.getString("url"));
    assertEquals(List.of("http://a:9000"), strings(production, "urls"));
    assertFalse(plain.containsKey("cors"), plain.toString());

    JsonObject full =
        view(
            spec(
                body(
                    """
                    {"production":{"urls":["http://b:9000","http://a:9000"]},
                     "datacenters":{"dc-eu":{"urls":["http://eu1","http://eu2"]}}}
                    """,
                    """
                    ,"cors":{"allowOrigins":["https://App.example.com:443"],
                             "allowMethods":["get"],"allowHeaders":["Authorization"],
                             "exposeHeaders":["X-Request-Id"],"allowCredentials":true,
                             "maxAgeSeconds":120}
                    """)));
    JsonObject endpoints = full.getJsonObject("endpoints");
    assertEquals("http://b:9000", endpoints.getJsonObject("production").getString("url"));
    assertEquals(
        List.of("http://b:9000", "http://a:9000"),
        strings(endpoints.getJsonObject("production"), "urls"));
    JsonObject eu = endpoints.getJsonObject("datacenters").getJsonObject("dc-eu");
    assertEquals("http://eu1", eu.getString("url"));
    assertEquals(List.of("http://eu1", "http://eu2"), strings(eu, "urls"));
    JsonObject cors = full.getJsonObject("cors");
    assertEquals(List.of("https://app.example.com"), strings(cors, "allowOrigins"));
    assertEquals(List.of("GET"), strings(cors, "allowMethods"));
    assertEquals(List.of("authorization"), strings(cors, "allowHeaders"));
    assertEquals(List.of("x-request-id"), strings(cors, "exposeHeaders"));
    assertTrue(cors.getBoolean("allowCredentials"));
    assertEquals(120, cors.getInt("maxAgeSeconds"));
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  @Test
  void readsTheApiTierAndShowsIt() {
    ApiSpec spec = spec(body("{\"production\":{\"url\":\"http://a\"}}", ",\"tier\":\"Gold\""));
    assertEquals("Gold", spec.tier());
    assertEquals(java.util.Set.of("Gold", "Unlimited"), spec.tierNames());
    JsonObject view = view(spec);
    assertEquals("Gold", view.getString("tier"));

    ApiSpec plain = spec(body("{\"production\":{\"url\":\"http://a\"}}", ""));
    assertEquals("Unlimited", plain.tier());
    assertEquals("Unlimited", view(plain).getString("tier"));
    assertEquals(
        "missing_field", code(body("{\"production\":{\"url\":\"http://a\"}}", ",\"tier\":\" \"")));
    assertThrows(
        JsonbException.class,
        () ->
            spec(body("{\"production\":{\"url\":\"http://a\"}}", ",\"tier\":{\"name\":\"Gold\"}")));
  }

  @Test
  void aViewSentBackKeepsTheApiTier() {
    ApiSpec spec = spec(body("{\"production\":{\"url\":\"http://a\"}}", ",\"tier\":\"Bronze\""));
    String sentBack = JSONB.toJson(ApiAssembler.toView(Api.create(spec, "pat", NOW)));
    assertEquals("Bronze", spec(sentBack).tier());
  }
}
