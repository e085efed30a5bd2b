package io.meridian.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        overrides);
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
}
