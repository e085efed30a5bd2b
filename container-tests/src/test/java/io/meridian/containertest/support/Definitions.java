package io.meridian.containertest.support;

import jakarta.json.Json;

/**
 * API definitions in their published JSON (format 1, as in artifacts), which both the master (an
 * {@code ApiSpec} is made from one) and the gateways read.
 */
public final class Definitions {

  private Definitions() {}

  /** A one-operation API at {@code context}, version 1.0, open to anyone. */
  public static String json(String apiId, String context) {
    return Json.createObjectBuilder()
        .add("format", 1)
        .add("apiId", apiId)
        .add("name", "Container test " + context)
        .add("context", context)
        .add("version", "1.0")
        .add("defaultVersion", false)
        .add("description", "Made by the container tests")
        .add("tags", Json.createArrayBuilder())
        .add("visibility", "PUBLIC")
        .add("owner", "ct-publisher")
        .add(
            "operations",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("method", "GET")
                        .add("uriTemplate", "/menu")
                        .add("authRequired", false)
                        .add("scopes", Json.createArrayBuilder())
                        .add("tier", "Unlimited")))
        .add("datacenterEndpoints", Json.createObjectBuilder())
        .add(
            "defaultEndpoint",
            Json.createObjectBuilder().add("url", "http://127.0.0.1:9").add("timeoutMillis", 5000))
        .build()
        .toString();
  }

  /** An artifact document (before canonicalization) for the API at {@code context}. */
  public static String artifactJson(String apiId, int revision, String state, String context) {
    return Json.createObjectBuilder()
        .add("format", 1)
        .add("apiId", apiId)
        .add(
            "definition",
            Json.createReader(new java.io.StringReader(json(apiId, context))).readObject())
        .add("revision", revision)
        .add("state", state)
        .build()
        .toString();
  }
}
