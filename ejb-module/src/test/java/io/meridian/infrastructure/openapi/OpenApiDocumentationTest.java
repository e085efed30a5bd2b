package io.meridian.infrastructure.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.application.ApiDocumentation;
import io.meridian.application.ApiDocumentation.OperationDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentationTest {

  @Test
  void readsEachOperationsSummaryParametersAndResponses() {
    ApiDocumentation doc = OpenApiDocumentation.of(OpenApiImportTest.resource("petstore.json"));
    assertEquals(4, doc.operations().size());
    OperationDoc list =
        doc.operations().stream()
            .filter(o -> o.method().equals("GET") && o.path().equals("/pets"))
            .findFirst()
            .orElseThrow();
    assertEquals("List pets", list.summary());
    assertEquals(List.of("limit"), list.parameters().stream().map(p -> p.name()).toList());
    assertEquals("query", list.parameters().get(0).in());
    assertEquals(List.of("200"), list.responses().stream().map(r -> r.status()).toList());
  }
}
