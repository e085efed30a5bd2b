package io.meridian.infrastructure.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ImportedDefinition;
import io.meridian.domain.model.api.Operation;
import io.meridian.domain.model.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiImportTest {

  static String resource(String name) {
    try (InputStream in = OpenApiImportTest.class.getResourceAsStream("/openapi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Operation op(ApiSpec spec, String method, String uri) {
    return spec.operations().stream()
        .filter(o -> o.method().equals(method) && o.uriTemplate().equals(uri))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + method + " " + uri));
  }

  private static String invalidMessage(String document) {
    DomainException e = assertThrows(DomainException.class, () -> OpenApiImport.read(document));
    assertEquals("invalid_openapi", e.code(), e.getMessage());
    assertEquals(DomainException.Kind.INVALID, e.kind());
    return e.getMessage();
  }

  @Test
  void readsInfoTagsServerAndDerivedContextOfAJsonDocument() {
    ImportedDefinition d = OpenApiImport.read(resource("petstore.json"));
    assertEquals("Swagger Petstore", d.name());
    assertEquals("1.0.7", d.version());
    assertEquals("Pets to buy and sell.", d.description());
    assertEquals(List.of("pet", "store"), d.tags());
    assertEquals("/swagger-petstore", d.context());
    assertEquals("https://eu.petstore.example/v1", d.endpointUrl(), "variables at their defaults");
    ApiSpec spec = d.newSpec(null, null);
    assertEquals("/swagger-petstore", spec.context());
    assertEquals(List.of("https://eu.petstore.example/v1"), spec.defaultEndpoint().urls());
    assertEquals(4, spec.operations().size());
  }

  @Test
  void operationSecurityOverridesTheDocumentsAndEmptySecurityNeedsNoToken() {
    ApiSpec spec = OpenApiImport.read(resource("petstore.json")).newSpec(null, null);
    Operation list = op(spec, "GET", "/pets");
    assertFalse(list.authRequired(), "security: [] overrides the document's requirement");
    assertEquals(List.of(), list.scopes());
    Operation one = op(spec, "GET", "/pets/{petId}");
    assertTrue(one.authRequired(), "the document's requirement applies");
    assertEquals(List.of("read:pets"), one.scopes());
    assertEquals("Unlimited", one.tier());
  }

  @Test
  void scopesAreTheUnionOfOAuth2AndOpenIdConnectRequirements() {
    ApiSpec spec = OpenApiImport.read(resource("petstore.json")).newSpec(null, null);
    assertEquals(
        List.of("admin", "read:pets", "write:pets"), op(spec, "DELETE", "/pets/{petId}").scopes());
    Operation add = op(spec, "POST", "/pets");
    assertTrue(add.authRequired());
    assertEquals(List.of("write:pets"), add.scopes(), "an apiKey scheme adds no scope");
    assertEquals("Gold", add.tier(), "x-meridian-tier");
  }

  @Test
  void readsAYamlDocumentWithItsContextExtensionAndOptionalSecurity() {
    ImportedDefinition d = OpenApiImport.read(resource("orders.yaml"));
    assertEquals("/shop/orders", d.context());
    assertNull(d.endpointUrl(), "a relative server URL is no endpoint");
    ApiSpec spec = d.newSpec(null, "http://orders.internal:8080/api");
    assertEquals("2.1", spec.version());
    assertFalse(op(spec, "GET", "/orders").authRequired(), "no security at all");
    Operation put = op(spec, "PUT", "/orders/{orderId}/items/{itemId}");
    assertFalse(put.authRequired(), "an empty requirement allows anonymous calls");
    assertEquals(List.of(), put.scopes());
  }

  @Test
  void theCallersContextAndEndpointWin() {
    ApiSpec spec =
        OpenApiImport.read(resource("petstore.json")).newSpec("/pets", "http://10.0.0.7:9000");
    assertEquals("/pets", spec.context());
    assertEquals("http://10.0.0.7:9000", spec.defaultEndpoint().url());
  }

  @Test
  void aRelativeServerWithoutAnEndpointIsRefusedWithTheReason() {
    ImportedDefinition d = OpenApiImport.read(resource("orders.yaml"));
    DomainException e = assertThrows(DomainException.class, () -> d.newSpec(null, null));
    assertEquals("invalid_openapi", e.code());
    assertTrue(e.getMessage().contains("endpoint"), e.getMessage());
  }

  @Test
  void derivesTheContextFromTheTitleWithoutAccentsOrPunctuation() {
    String doc = resource("orders.yaml").replace("x-meridian-context: /shop/orders\n", "");
    assertEquals("/orders-invoices", OpenApiImport.read(doc).context());
    assertEquals("/pet-store-beta-2", ContextSlug.of("  Pet Store (Beta) 2! "));
    assertNull(ContextSlug.of("???"));
  }

  @Test
  void refusesAPathThatMeridiansTemplateGrammarDoesNot() {
    String doc = resource("petstore.json").replace("/pets/{petId}", "/pets/{pet-id}");
    String message = invalidMessage(doc);
    assertTrue(message.contains("/pets/{pet-id}"), message);
  }

  @Test
  void refusesAVersionThatMeridianCannotUse() {
    String doc = resource("orders.yaml").replace("version: \"2.1\"", "version: 2.1 beta");
    String message = invalidMessage(doc);
    assertTrue(message.contains("info.version"), message);
  }

  @Test
  void refusesWhatIsNotAnOpenApi3Document() {
    invalidMessage("swagger: \"2.0\"\ninfo: {title: Old, version: \"1\"}\npaths: {}\n");
    invalidMessage("{ this is not json");
    invalidMessage("just some text");
    invalidMessage("openapi: 3.0.3\ninfo: {title: No paths, version: \"1\"}\npaths: {}\n");
    String message = invalidMessage("openapi: 3.0.3\npaths: {}\n");
    assertTrue(message.contains("info"), message);
  }
}
