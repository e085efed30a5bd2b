package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A publisher describes an API with an OpenAPI 3 document instead of field by field: imports it as
 * YAML, exports it, re-imports an edited edition, and developers read the document in the store.
 */
class OpenApiIT {

  private static final String YAML = "application/yaml";

  private static String document(String title, String summary) {
    return """
        openapi: 3.0.3
        info:
          title: %s
          version: "1.0"
          description: Orders pizza
        servers:
          - url: http://127.0.0.1:9000
        tags:
          - name: food
        security:
          - oauth: [orders:read]
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: /token
                  scopes: {orders:read: read, orders:write: write}
        paths:
          /menu:
            get:
              summary: %s
              security: []
              responses:
                "200": {description: The menu}
          /orders/{id}:
            get:
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200": {description: One order}
          /orders:
            post:
              security:
                - oauth: [orders:write]
              x-meridian-tier: Silver
              responses:
                "201": {description: Created}
        """
        .formatted(title, summary);
  }

  private static List<String> operations(JsonObject api) {
    return api.getJsonArray("operations").stream()
        .map(JsonObject.class::cast)
        .map(
            o ->
                o.getString("method")
                    + " "
                    + o.getString("uriTemplate")
                    + " "
                    + o.getBoolean("authRequired")
                    + " "
                    + o.getJsonArray("scopes")
                    + " "
                    + o.getString("tier"))
        .toList();
  }

  @Test
  void publisherImportsExportsAndReimportsAnOpenApiDocument() {
    Http publisher = Fixtures.publisher();
    String context = "/" + Fixtures.unique("openapi");
    Http.Reply imported =
        publisher.raw(
            "POST",
            "/publisher/api/v1/apis/openapi?context=" + context,
            YAML,
            document("Pizza Orders", "The menu"));
    assertEquals(201, imported.status(), imported.toString());
    JsonObject api = imported.json();
    String id = api.getString("id");
    assertTrue(imported.header("Location").endsWith("/publisher/api/v1/apis/" + id));
    assertEquals("Pizza Orders", api.getString("name"));
    assertEquals(context, api.getString("context"));
    assertEquals(
        "http://127.0.0.1:9000",
        api.getJsonObject("endpoints").getJsonObject("production").getString("url"));
    List<String> expected =
        List.of(
            "GET /menu false [] Unlimited",
            "GET /orders/{id} true [\"orders:read\"] Unlimited",
            "POST /orders true [\"orders:write\"] Silver");
    assertEquals(expected, operations(publisher.get("/publisher/api/v1/apis/" + id).json()));

    // Export, then import the export as another API: the same operations.
    Http.Reply json = publisher.get("/publisher/api/v1/apis/" + id + "/openapi");
    assertEquals(200, json.status(), json.toString());
    assertTrue(json.header("Content-Type").startsWith("application/json"));
    assertEquals("3.0.3", json.json().getString("openapi"));
    assertEquals(context, json.json().getString("x-meridian-context"));
    Http.Reply yaml = publisher.get("/publisher/api/v1/apis/" + id + "/openapi?format=yaml");
    assertEquals(200, yaml.status(), yaml.toString());
    assertTrue(yaml.header("Content-Type").startsWith(YAML));
    assertTrue(yaml.body().contains("summary: The menu"), yaml.body());
    String otherContext = "/" + Fixtures.unique("openapi-copy");
    Http.Reply copy =
        publisher.raw(
            "POST", "/publisher/api/v1/apis/openapi?context=" + otherContext, YAML, yaml.body());
    assertEquals(201, copy.status(), copy.toString());
    assertEquals(expected, operations(copy.json()));

    // A new edition of the document replaces name and operations; context and endpoint stay.
    String edited =
        document("Pizza Orders v2", "Today's menu")
            .replace(
                "  /orders:\n",
                "  /orders/{id}/cancel:\n    post:\n      parameters:\n"
                    + "        - {name: id, in: path, required: true, schema: {type: string}}\n"
                    + "      responses:\n        \"204\": {description: Cancelled}\n  /orders:\n");
    Http.Reply reimported =
        publisher.raw("PUT", "/publisher/api/v1/apis/" + id + "/openapi", "text/yaml", edited);
    assertEquals(200, reimported.status(), reimported.toString());
    assertEquals("Pizza Orders v2", reimported.json().getString("name"));
    assertEquals(context, reimported.json().getString("context"));
    assertEquals(4, reimported.json().getJsonArray("operations").size());

    // A different version is a new API.
    Http.Reply otherVersion =
        publisher.raw(
            "PUT",
            "/publisher/api/v1/apis/" + id + "/openapi",
            YAML,
            edited.replace("version: \"1.0\"", "version: \"2.0\""));
    assertEquals(409, otherVersion.status(), otherVersion.toString());
    assertEquals("openapi_version_mismatch", otherVersion.json().getString("code"));

    // Developers read the kept document once the API is published.
    assertEquals(404, Http.anonymous().get("/store/api/v1/apis/" + id + "/openapi").status());
    Http.Reply published =
        publisher.post("/publisher/api/v1/apis/" + id + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, published.status(), published.toString());
    Http.Reply kept = Http.anonymous().get("/store/api/v1/apis/" + id + "/openapi");
    assertEquals(200, kept.status(), kept.toString());
    assertTrue(kept.header("Content-Type").startsWith(YAML));
    assertEquals(edited, kept.body());
    assertFalse(kept.body().contains("x-meridian-context"), "the document as it was imported");
  }

  @Test
  void aBadDocumentIsA400Problem() {
    Http publisher = Fixtures.publisher();
    Http.Reply notOpenApi =
        publisher.raw("POST", "/publisher/api/v1/apis/openapi", YAML, "swagger: \"2.0\"\n");
    assertEquals(400, notOpenApi.status(), notOpenApi.toString());
    assertEquals("invalid_openapi", notOpenApi.json().getString("code"));
    assertTrue(notOpenApi.header("Content-Type").startsWith("application/problem+json"));

    Http.Reply badPath =
        publisher.raw(
            "POST",
            "/publisher/api/v1/apis/openapi?context=/" + Fixtures.unique("bad"),
            YAML,
            document("Bad", "x").replace("/menu:", "/menu/{item-name}:"));
    assertEquals(400, badPath.status(), badPath.toString());
    assertEquals("invalid_openapi", badPath.json().getString("code"));

    Http.Reply tooLarge =
        publisher.raw(
            "POST",
            "/publisher/api/v1/apis/openapi",
            YAML,
            "# " + "x".repeat(2 * 1024 * 1024) + "\n");
    assertEquals(400, tooLarge.status(), tooLarge.toString());
    assertEquals("document_too_large", tooLarge.json().getString("code"));
  }
}
