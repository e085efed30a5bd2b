package io.meridian.infrastructure.openapi;

import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ImportedDefinition;
import io.meridian.domain.model.api.ImportedOperation;
import io.meridian.domain.model.shared.DomainException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Translates an OpenAPI 3 document into Meridian's terms; the rules are in package-info. */
public final class OpenApiImport {

  static final String CONTEXT_EXTENSION = "x-meridian-context";
  static final String TIER_EXTENSION = "x-meridian-tier";
  private static final int MAX_NAME = 100;
  private static final int MAX_DESCRIPTION = 4000;

  private OpenApiImport() {}

  /** Parses and translates {@code text}; {@code invalid_openapi} says what stands in the way. */
  public static ImportedDefinition read(String text) {
    OpenAPI openApi = OpenApiParser.parse(text);
    Info info = openApi.getInfo();
    String title = info.getTitle();
    String version = info.getVersion();
    if (!ApiSpec.isVersion(version)) {
      throw OpenApiParser.invalid(
          "info.version '"
              + version
              + "' cannot be a Meridian API version: it "
              + ApiSpec.VERSION_RULE);
    }
    return new ImportedDefinition(
        cut(title, MAX_NAME),
        version,
        cut(info.getDescription(), MAX_DESCRIPTION),
        tags(openApi),
        context(openApi, title),
        endpointUrl(openApi),
        operations(openApi));
  }

  private static List<String> tags(OpenAPI openApi) {
    return openApi.getTags() == null
        ? List.of()
        : openApi.getTags().stream().map(Tag::getName).filter(Objects::nonNull).toList();
  }

  private static String context(OpenAPI openApi, String title) {
    Object given = extension(openApi.getExtensions(), CONTEXT_EXTENSION);
    return given instanceof String s && !s.isBlank() ? s.strip() : ContextSlug.of(title);
  }

  /** The first server's URL with its variables at their defaults, if absolute http(s). */
  private static String endpointUrl(OpenAPI openApi) {
    if (openApi.getServers() == null || openApi.getServers().isEmpty()) {
      return null;
    }
    Server server = openApi.getServers().get(0);
    String url = server.getUrl();
    if (url == null) {
      return null;
    }
    if (server.getVariables() != null) {
      for (Map.Entry<String, ServerVariable> v : server.getVariables().entrySet()) {
        if (v.getValue() != null && v.getValue().getDefault() != null) {
          url = url.replace("{" + v.getKey() + "}", v.getValue().getDefault());
        }
      }
    }
    try {
      URI uri = new URI(url);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? url : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static List<ImportedOperation> operations(OpenAPI openApi) {
    if (openApi.getPaths() == null || openApi.getPaths().isEmpty()) {
      throw OpenApiParser.invalid("The document has no paths: an API needs at least one operation");
    }
    List<ImportedOperation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        operations.add(operation(openApi, path.getKey(), op.getKey(), op.getValue()));
      }
    }
    if (operations.isEmpty()) {
      throw OpenApiParser.invalid("The document's paths have no operations");
    }
    return operations;
  }

  private static ImportedOperation operation(
      OpenAPI openApi, String path, PathItem.HttpMethod method, Operation op) {
    String where = method + " " + path;
    List<SecurityRequirement> security =
        op.getSecurity() != null ? op.getSecurity() : openApi.getSecurity();
    boolean authRequired =
        security != null && !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
    Object tier = extension(op.getExtensions(), TIER_EXTENSION);
    if (tier != null && !(tier instanceof String)) {
      throw OpenApiParser.invalid(where + ": " + TIER_EXTENSION + " must be a tier name");
    }
    ImportedOperation imported =
        new ImportedOperation(
            method.name().toUpperCase(Locale.ROOT),
            path,
            authRequired,
            authRequired ? scopes(openApi, security) : List.of(),
            (String) tier);
    try {
      imported.toOperation(null); // Meridian's own rules: method, URI template grammar, scopes
    } catch (DomainException e) {
      throw OpenApiParser.invalid(where + ": " + e.getMessage());
    }
    return imported;
  }

  /** The union of the scopes the requirements list for OAuth2 and OpenID Connect schemes. */
  private static List<String> scopes(OpenAPI openApi, List<SecurityRequirement> security) {
    Map<String, SecurityScheme> schemes =
        openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null
            ? Map.of()
            : openApi.getComponents().getSecuritySchemes();
    TreeSet<String> scopes = new TreeSet<>();
    for (SecurityRequirement requirement : security) {
      requirement.forEach(
          (name, listed) -> {
            SecurityScheme scheme = schemes.get(name);
            SecurityScheme.Type type = scheme == null ? null : scheme.getType();
            if ((type == SecurityScheme.Type.OAUTH2 || type == SecurityScheme.Type.OPENIDCONNECT)
                && listed != null) {
              scopes.addAll(listed);
            }
          });
    }
    return List.copyOf(scopes);
  }

  private static Object extension(Map<String, Object> extensions, String name) {
    return extensions == null ? null : extensions.get(name);
  }

  private static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }
}
