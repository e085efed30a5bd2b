package io.meridian.infrastructure.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.Endpoint;
import io.meridian.domain.model.api.ImportedDefinition;
import io.meridian.domain.model.api.OpenApiDocument;
import io.meridian.domain.model.api.Operation;
import io.meridian.domain.model.api.Visibility;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiExportTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  /** Operations have no equals (they are JPA embeddables): compare what they say. */
  static List<String> shown(List<Operation> operations) {
    return operations.stream()
        .map(
            o ->
                o.method()
                    + " "
                    + o.uriTemplate()
                    + " auth="
                    + o.authRequired()
                    + " "
                    + o.scopes()
                    + " "
                    + o.tier())
        .toList();
  }

  private static Api imported(String resource) {
    String text = OpenApiImportTest.resource(resource);
    Api api =
        Api.create(OpenApiImport.read(text).newSpec(null, "http://10.0.0.7:9000"), "alice", NOW);
    api.keepOpenApiDocument(new OpenApiDocument(text), NOW);
    return api;
  }

  @Test
  void importExportImportKeepsTheOperations() {
    for (String resource : List.of("petstore.json", "orders.yaml")) {
      Api api = imported(resource);
      for (boolean yaml : List.of(false, true)) {
        ImportedDefinition again = OpenApiImport.read(OpenApiExport.write(api, yaml));
        ApiSpec spec = again.newSpec(null, null);
        assertEquals(
            shown(api.operations()),
            shown(spec.operations()),
            resource + (yaml ? " yaml" : " json"));
        assertEquals(api.context(), spec.context());
        assertEquals(api.defaultEndpoint().urls(), spec.defaultEndpoint().urls());
        assertEquals(api.tags(), spec.tags());
        assertEquals(api.version(), spec.version());
        assertEquals(api.name(), spec.name());
      }
    }
  }

  @Test
  void keepsWhatMeridianDoesNotModelForOperationsThatStillExist() {
    String json = OpenApiExport.write(imported("petstore.json"), false);
    assertTrue(json.contains("\"openapi\" : \"3.0.3\""), json);
    assertTrue(json.contains("List pets"), "summary");
    assertTrue(json.contains("#/components/schemas/Pet"), "request body and schemas");
    assertTrue(json.contains("\"x-meridian-context\" : \"/swagger-petstore\""), json);
    assertTrue(json.contains("/store/oauth2/token"), "the meridian_oauth2 scheme");
    assertTrue(json.contains("\"x-meridian-tier\" : \"Gold\""), json);
  }

  @Test
  void describesAnApiDefinedFieldByFieldAndDropsRemovedOperations() {
    Api api =
        Api.create(
            new ApiSpec(
                "Pizza",
                "/pizza",
                "1.0",
                false,
                null,
                List.of(),
                Visibility.PUBLIC,
                List.of(
                    new Operation("GET", "/menu", false, List.of(), null),
                    new Operation("GET", "/orders/{id}", true, List.of("orders:read"), null)),
                new Endpoint(List.of("http://a:1", "http://b:2"), null),
                Map.of(),
                null,
                null,
                null),
            "alice",
            NOW);
    String yaml = OpenApiExport.write(api, true);
    assertTrue(yaml.contains("openapi: 3.0.3"), yaml);
    assertTrue(yaml.contains("url: http://b:2"), "every URL of the endpoint is a server");
    assertTrue(yaml.contains("name: id"), "path variables are declared");
    ApiSpec back = OpenApiImport.read(yaml).newSpec(null, null);
    assertEquals(shown(api.operations()), shown(back.operations()));

    Api petstore = imported("petstore.json");
    Operation kept = petstore.operations().get(0);
    petstore.update(
        new ApiSpec(
            petstore.name(),
            petstore.context(),
            petstore.version(),
            false,
            petstore.description(),
            petstore.tags(),
            Visibility.PUBLIC,
            List.of(kept),
            petstore.defaultEndpoint(),
            Map.of(),
            null,
            null,
            null),
        NOW);
    String json = OpenApiExport.write(petstore, false);
    assertFalse(json.contains("Remove a pet"), "an operation no longer defined is not exported");
    assertEquals(
        shown(List.of(kept)), shown(OpenApiImport.read(json).newSpec(null, null).operations()));
  }
}
