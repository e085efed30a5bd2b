package io.meridian.domain.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportedDefinitionTest {

  private static ImportedDefinition document(String version) {
    return new ImportedDefinition(
        "Pizza v2",
        version,
        "Now with calzone",
        List.of("food", "italian"),
        "/from-document",
        "https://pizza.example",
        List.of(
            new ImportedOperation("GET", "/menu", false, List.of(), null),
            new ImportedOperation("GET", "/orders/{id}", true, List.of("orders:read"), null),
            new ImportedOperation("POST", "/orders", true, List.of("orders:write"), "Silver")));
  }

  @Test
  void aReimportReplacesWhatTheDocumentOwnsAndKeepsTheRest() {
    Api api = Api.create(ApiFixtures.spec("/pizza", "old"), "alice", ApiFixtures.NOW);
    ApiSpec spec = document("1.0").replacing(api);
    assertEquals("Pizza v2", spec.name());
    assertEquals("Now with calzone", spec.description());
    assertEquals(List.of("food", "italian"), spec.tags());
    assertEquals("/pizza", spec.context(), "the context stays");
    assertEquals(api.defaultEndpoint(), spec.defaultEndpoint(), "the endpoints stay");
    assertEquals(api.datacenterEndpoints(), spec.datacenterEndpoints());
    assertEquals(3, spec.operations().size());
    assertEquals("Gold", spec.operations().get(1).tier(), "a tier chosen in Meridian stays");
    assertEquals("Silver", spec.operations().get(2).tier(), "the document's tier");
  }

  @Test
  void aReimportOfAnotherVersionIsRefused() {
    Api api = Api.create(ApiFixtures.spec("/pizza", "old"), "alice", ApiFixtures.NOW);
    DomainException e = assertThrows(DomainException.class, () -> document("2.0").replacing(api));
    assertEquals("openapi_version_mismatch", e.code());
    assertTrue(e.getMessage().contains("new API"), e.getMessage());
  }

  @Test
  void aNewApiTakesTheCallersContextAndEndpointOverTheDocuments() {
    ApiSpec spec = document("1.0").newSpec("/pizza", "http://10.0.0.1:8080");
    assertEquals("/pizza", spec.context());
    assertEquals("http://10.0.0.1:8080", spec.defaultEndpoint().url());
    assertEquals(Map.of(), spec.datacenterEndpoints());
    ApiSpec fromDocument = document("1.0").newSpec(" ", null);
    assertEquals("/from-document", fromDocument.context());
    assertEquals("https://pizza.example", fromDocument.defaultEndpoint().url());
  }

  @Test
  void anOversizedDocumentIsRefused() {
    String big = "x".repeat(OpenApiDocument.MAX_BYTES + 1);
    DomainException e = assertThrows(DomainException.class, () -> new OpenApiDocument(big));
    assertEquals("document_too_large", e.code());
    String multiByte = "é".repeat(OpenApiDocument.MAX_BYTES / 2 + 1);
    assertEquals(
        "document_too_large",
        assertThrows(DomainException.class, () -> new OpenApiDocument(multiByte)).code());
    assertEquals(
        "invalid_openapi",
        assertThrows(DomainException.class, () -> new OpenApiDocument("  ")).code());
  }
}
