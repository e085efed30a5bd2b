package io.meridian.infrastructure.openapi;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an API as an OpenAPI 3.0.3 document: Meridian's definition, dressed with what the document
 * it was imported from says about the operations that still exist (rules in package-info).
 */
public final class OpenApiExport {

  static final String SCHEME = "meridian_oauth2";

  /** Relative to the master's host: the store's token endpoint (client credentials). */
  static final String TOKEN_URL = "/store/oauth2/token";

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private OpenApiExport() {}

  /** The document as YAML when {@code yaml}, else as JSON. */
  public static String write(Api api, boolean yaml) {
    OpenAPI kept =
        api.openApiDocument().map(d -> OpenApiParser.parse(d.text())).orElseGet(OpenAPI::new);
    OpenAPI out = build(api, kept);
    try {
      return yaml ? Yaml.pretty().writeValueAsString(out) : Json.pretty().writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document of " + api.id(), e);
    }
  }

  static OpenAPI build(Api api, OpenAPI kept) {
    OpenAPI out = new OpenAPI();
    out.setOpenapi("3.0.3");
    out.setInfo(info(api, kept.getInfo()));
    out.setTags(tags(api, kept.getTags()));
    out.setServers(api.defaultEndpoint().urls().stream().map(u -> new Server().url(u)).toList());
    out.setExternalDocs(kept.getExternalDocs());
    Paths paths = new Paths();
    TreeSet<String> allScopes = new TreeSet<>();
    for (io.meridian.domain.model.api.Operation op : api.operations()) {
      PathItem keptItem = kept.getPaths() == null ? null : kept.getPaths().get(op.uriTemplate());
      PathItem item = paths.computeIfAbsent(op.uriTemplate(), p -> pathItem(keptItem));
      PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(op.method());
      Operation keptOp = keptItem == null ? null : keptItem.readOperationsMap().get(method);
      item.operation(method, operation(op, keptOp));
      allScopes.addAll(op.scopes());
    }
    out.setPaths(paths);
    Components components = kept.getComponents() == null ? new Components() : kept.getComponents();
    components.addSecuritySchemes(SCHEME, scheme(allScopes));
    out.setComponents(components);
    out.addExtension(OpenApiImport.CONTEXT_EXTENSION, api.context());
    return out;
  }

  private static Info info(Api api, Info kept) {
    Info info = new Info().title(api.name()).version(api.version());
    if (api.description() != null && !api.description().isBlank()) {
      info.setDescription(api.description());
    }
    if (kept != null) {
      info.setContact(kept.getContact());
      info.setLicense(kept.getLicense());
      info.setTermsOfService(kept.getTermsOfService());
    }
    return info;
  }

  private static List<Tag> tags(Api api, List<Tag> kept) {
    if (api.tags().isEmpty()) {
      return null;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    if (kept != null) {
      kept.forEach(t -> byName.put(t.getName(), t));
    }
    return api.tags().stream().map(t -> byName.getOrDefault(t, new Tag().name(t))).toList();
  }

  private static PathItem pathItem(PathItem kept) {
    PathItem item = new PathItem();
    if (kept != null) {
      item.setSummary(kept.getSummary());
      item.setDescription(kept.getDescription());
      item.setParameters(kept.getParameters());
    }
    return item;
  }

  private static Operation operation(io.meridian.domain.model.api.Operation op, Operation kept) {
    Operation out = kept != null ? kept : fresh(op);
    out.setSecurity(
        op.authRequired()
            ? List.of(new SecurityRequirement().addList(SCHEME, op.scopes()))
            : List.of());
    if (out.getExtensions() != null) {
      out.getExtensions().remove(OpenApiImport.TIER_EXTENSION);
    }
    if (!ThrottlingPolicy.UNLIMITED.equals(op.tier())) {
      out.addExtension(OpenApiImport.TIER_EXTENSION, op.tier());
    }
    return out;
  }

  /** An operation Meridian knows only by method and template: its path variables as strings. */
  private static Operation fresh(io.meridian.domain.model.api.Operation op) {
    Operation out =
        new Operation()
            .responses(
                new ApiResponses()
                    .addApiResponse(
                        "default", new ApiResponse().description("The backend's answer")));
    Matcher m = VARIABLE.matcher(op.uriTemplate());
    while (m.find()) {
      out.addParametersItem(
          new Parameter().name(m.group(1)).in("path").required(true).schema(new StringSchema()));
    }
    return out;
  }

  private static SecurityScheme scheme(TreeSet<String> scopes) {
    Scopes s = new Scopes();
    scopes.forEach(scope -> s.addString(scope, "Scope " + scope));
    return new SecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description(
            "Access tokens of Meridian's key manager (client credentials of an application)")
        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(TOKEN_URL).scopes(s)));
  }
}
