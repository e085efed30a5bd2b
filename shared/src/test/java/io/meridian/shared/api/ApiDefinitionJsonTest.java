package io.meridian.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDefinitionJsonTest {

  private static ApiDefinition pizza(Map<String, EndpointDefinition> overrides) {
    return new ApiDefinition(
        "a1",
        "Pizza",
        "/pizza",
        "1.0",
        true,
        "Orders pizza",
        List.of("food"),
        "PUBLIC",
        "pat",
        List.of(new OperationDefinition("GET", "/orders/{id}", true, List.of("read"), "Gold")),
        new EndpointDefinition("http://127.0.0.1:9000", 5000),
        overrides,
        null,
        null);
  }

  @Test
  void roundTripsEveryField() {
    ApiDefinition d = pizza(Map.of("dc-2", new EndpointDefinition("http://10.0.0.1", 2000)));
    assertEquals(d, ApiDefinitionJson.read(ApiDefinitionJson.write(d)));
  }

  @Test
  void writesTheSameBytesWhateverTheMapOrder() {
    var e1 = new EndpointDefinition("http://a", 1);
    var e2 = new EndpointDefinition("http://b", 2);
    java.util.LinkedHashMap<String, EndpointDefinition> ab = new java.util.LinkedHashMap<>();
    ab.put("a", e1);
    ab.put("b", e2);
    java.util.LinkedHashMap<String, EndpointDefinition> ba = new java.util.LinkedHashMap<>();
    ba.put("b", e2);
    ba.put("a", e1);
    assertEquals(ApiDefinitionJson.write(pizza(ab)), ApiDefinitionJson.write(pizza(ba)));
  }

  @Test
  void differentDefinitionsGiveDifferentDocuments() {
    assertNotEquals(
        ApiDefinitionJson.write(pizza(Map.of())),
        ApiDefinitionJson.write(pizza(Map.of("dc-2", new EndpointDefinition("http://x", 1)))));
  }

  @Test
  void choosesTheDatacenterOverrideElseTheDefault() {
    ApiDefinition d = pizza(Map.of("dc-2", new EndpointDefinition("http://10.0.0.1", 2000)));
    assertEquals("http://10.0.0.1", d.endpointFor("dc-2").url());
    assertEquals("http://127.0.0.1:9000", d.endpointFor("dc-1").url());
  }

  @Test
  void refusesAnUnknownFormat() {
    String json = ApiDefinitionJson.write(pizza(Map.of())).replace("\"format\":1", "\"format\":9");
    assertThrows(IllegalArgumentException.class, () -> ApiDefinitionJson.read(json));
  }

  /**
   * The bytes the writer produced before endpoints could have several URLs and APIs CORS rules,
   * recorded with that writer. Revisions published then carry these bytes and their hash, and a
   * definition that uses neither addition must keep producing them, or republishing an unchanged
   * API would freeze a new revision and gateways would see a different artifact.
   */
  private static final String PRE_CORS_BYTES =
      "{\"apiId\":\"3f1c2a9e-5b7d-4c1e-9a2b-000000000001\",\"context\":\"/pizza\","
          + "\"datacenterEndpoints\":{\"dc-eu\":{\"timeoutMillis\":2000,"
          + "\"url\":\"https://backend.eu:9443/base\"}},"
          + "\"defaultEndpoint\":{\"timeoutMillis\":5000,\"url\":\"http://127.0.0.1:9000\"},"
          + "\"defaultVersion\":true,\"description\":\"Orders \\\"pizza\\\" & m\u00e1s\","
          + "\"format\":1,\"name\":\"Pizza\",\"operations\":["
          + "{\"authRequired\":false,\"method\":\"GET\",\"scopes\":[],\"tier\":\"Unlimited\","
          + "\"uriTemplate\":\"/menu\"},"
          + "{\"authRequired\":true,\"method\":\"POST\",\"scopes\":[\"orders:read\",\"orders:write\"],"
          + "\"tier\":\"Gold\",\"uriTemplate\":\"/orders/{id}\"}],"
          + "\"owner\":\"pat\",\"tags\":[\"food\",\"orders\"],\"version\":\"1.0\","
          + "\"visibility\":\"PUBLIC\"}";

  private static final String PRE_CORS_SHA256 =
      "17a96a831ab6f500240780ee7185145157c20c093759ba564dcc2313e8e3b304";

  private static ApiDefinition singleUrlWithoutCors() {
    return new ApiDefinition(
        "3f1c2a9e-5b7d-4c1e-9a2b-000000000001",
        "Pizza",
        "/pizza",
        "1.0",
        true,
        "Orders \"pizza\" & m\u00e1s",
        List.of("food", "orders"),
        "PUBLIC",
        "pat",
        List.of(
            new OperationDefinition("GET", "/menu", false, List.of(), "Unlimited"),
            new OperationDefinition(
                "POST", "/orders/{id}", true, List.of("orders:read", "orders:write"), "Gold")),
        new EndpointDefinition("http://127.0.0.1:9000", 5000),
        Map.of("dc-eu", new EndpointDefinition("https://backend.eu:9443/base", 2000)),
        null,
        null);
  }

  private static String sha256(String json) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSingleUrlDefinitionWithoutCorsKeepsItsCanonicalBytesAndHash() throws Exception {
    String json = ApiDefinitionJson.write(singleUrlWithoutCors());
    assertEquals(PRE_CORS_BYTES, json);
    assertEquals(PRE_CORS_SHA256, sha256(json));
    ApiDefinition read = ApiDefinitionJson.read(PRE_CORS_BYTES);
    assertEquals(singleUrlWithoutCors(), read);
    assertNull(read.cors());
    assertEquals(List.of("http://127.0.0.1:9000"), read.defaultEndpoint().urls());
  }

  @Test
  void aListOfOneUrlIsWrittenAsASingleUrl() {
    ApiDefinition d = singleUrlWithoutCors();
    ApiDefinition asList =
        new ApiDefinition(
            d.apiId(),
            d.name(),
            d.context(),
            d.version(),
            d.defaultVersion(),
            d.description(),
            d.tags(),
            d.visibility(),
            d.owner(),
            d.operations(),
            new EndpointDefinition(List.of("http://127.0.0.1:9000"), 5000),
            d.datacenterEndpoints(),
            null,
            null);
    assertEquals(PRE_CORS_BYTES, ApiDefinitionJson.write(asList));
  }

  @Test
  void roundTripsSeveralUrlsAndCors() {
    ApiDefinition d = singleUrlWithoutCors();
    CorsDefinition cors =
        new CorsDefinition(
            List.of("http://localhost:3000", "https://app.example.com"),
            List.of("GET", "POST"),
            List.of("authorization", "content-type"),
            List.of("x-request-id"),
            true,
            3600);
    EndpointDefinition pool =
        new EndpointDefinition(List.of("http://10.0.0.2:9000", "http://10.0.0.1:9000"), 5000);
    EndpointDefinition eu =
        new EndpointDefinition(List.of("https://a.eu:9443", "https://b.eu:9443"), 2000);
    ApiDefinition extended =
        new ApiDefinition(
            d.apiId(),
            d.name(),
            d.context(),
            d.version(),
            d.defaultVersion(),
            d.description(),
            d.tags(),
            d.visibility(),
            d.owner(),
            d.operations(),
            pool,
            Map.of("dc-eu", eu, "dc-us", new EndpointDefinition("http://us:9000", 1000)),
            cors,
            null);
    String json = ApiDefinitionJson.write(extended);
    ApiDefinition read = ApiDefinitionJson.read(json);
    assertEquals(extended, read);
    assertEquals(
        List.of("http://10.0.0.2:9000", "http://10.0.0.1:9000"), read.defaultEndpoint().urls());
    assertEquals("http://10.0.0.2:9000", read.defaultEndpoint().url());
    assertEquals(cors, read.cors());
    assertEquals(json, ApiDefinitionJson.write(read));
    assertTrue(
        json.contains(
            "\"cors\":{\"allowCredentials\":true,\"allowHeaders\":[\"authorization\",\"content-type\"],"
                + "\"allowMethods\":[\"GET\",\"POST\"],"
                + "\"allowOrigins\":[\"http://localhost:3000\",\"https://app.example.com\"],"
                + "\"exposeHeaders\":[\"x-request-id\"],\"maxAgeSeconds\":3600}"),
        json);
    assertTrue(
        json.contains("\"url\":\"http://us:9000\""), "one-URL overrides stay single: " + json);
    assertFalse(json.contains("\"url\":\"http://10.0.0.2:9000\""), json);
    assertNotEquals(ApiDefinitionJson.write(d), json);
  }

  @Test
  void aStalenessRuleIsWrittenInItsPlaceAndRoundTrips() {
    ApiDefinition d = singleUrlWithoutCors();
    ApiDefinition strict =
        new ApiDefinition(
            d.apiId(),
            d.name(),
            d.context(),
            d.version(),
            d.defaultVersion(),
            d.description(),
            d.tags(),
            d.visibility(),
            d.owner(),
            d.operations(),
            d.defaultEndpoint(),
            d.datacenterEndpoints(),
            null,
            d.tier(),
            new StalenessDefinition(5, StalenessDefinition.WhenStale.REJECT));
    String json = ApiDefinitionJson.write(strict);
    assertTrue(
        json.contains(
            "\"owner\":\"pat\",\"staleness\":{\"maxLagSeconds\":5,\"whenStale\":\"reject\"},\"tags\":"),
        json);
    assertEquals(strict, ApiDefinitionJson.read(json));
    assertNotEquals(ApiDefinitionJson.write(d), json, "a rule is a new revision");
    String unknown = json.replace("\"reject\"", "\"maybe\"");
    assertThrows(IllegalArgumentException.class, () -> ApiDefinitionJson.read(unknown));
  }
}
