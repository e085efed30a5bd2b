package io.meridian.infrastructure.openapi;

import io.meridian.domain.model.shared.DomainException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.stream.Collectors;

/** Reads an OpenAPI 3 document (JSON or YAML), refusing anything the parser complains about. */
final class OpenApiParser {

  private static final int MAX_MESSAGES = 3;
  private static final int MAX_MESSAGE_LENGTH = 200;

  private OpenApiParser() {}

  static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    // No resolution: $refs to other files or URLs stay as they are, nothing is fetched.
    options.setResolve(false);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(text, null, options);
    } catch (RuntimeException e) {
      throw invalid("The document is neither JSON nor YAML that can be read");
    }
    List<String> messages =
        result == null || result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI openApi = result == null ? null : result.getOpenAPI();
    if (openApi == null || openApi.getOpenapi() == null || !openApi.getOpenapi().startsWith("3.")) {
      throw invalid(
          "Not an OpenAPI 3 document (it needs 'openapi: 3.x')"
              + (messages.isEmpty() ? "" : ": " + summary(messages)));
    }
    if (!messages.isEmpty()) {
      throw invalid("The OpenAPI document is not valid: " + summary(messages));
    }
    return openApi;
  }

  static DomainException invalid(String message) {
    return DomainException.invalid("invalid_openapi", message);
  }

  private static String summary(List<String> messages) {
    String shown =
        messages.stream()
            .limit(MAX_MESSAGES)
            .map(
                m -> m.length() > MAX_MESSAGE_LENGTH ? m.substring(0, MAX_MESSAGE_LENGTH) + "…" : m)
            .collect(Collectors.joining("; "));
    int more = messages.size() - MAX_MESSAGES;
    return more > 0 ? shown + " (and " + more + " more)" : shown;
  }
}
