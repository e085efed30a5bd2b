package io.meridian.domain.model.api;

import io.meridian.domain.model.shared.DomainException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an imported API description (an OpenAPI document) says about an API, already in Meridian's
 * terms. It decides how that meets what the caller gives and what the API already has: the caller's
 * context and endpoint win over the document's; a re-import replaces only what the document owns.
 *
 * @param context the context the document asks for or that its title suggests; null if neither
 * @param endpointUrl the absolute URL of the document's first server, or null if it gives none
 */
public record ImportedDefinition(
    String name,
    String version,
    String description,
    List<String> tags,
    String context,
    String endpointUrl,
    List<ImportedOperation> operations) {

  public ImportedDefinition {
    tags = List.copyOf(tags);
    operations = List.copyOf(operations);
  }

  /**
   * The definition of a new API: public, not the default version, Unlimited, production endpoint
   * with the default timeout. {@code context} and {@code endpointUrl} (either may be null) override
   * the document's.
   */
  public ApiSpec newSpec(String context, String endpointUrl) {
    String c = blank(context) ? this.context : context.strip();
    if (c == null) {
      throw DomainException.invalid(
          "invalid_openapi",
          "No context given and none can be derived from the document's title; give a context");
    }
    String url = blank(endpointUrl) ? this.endpointUrl : endpointUrl.strip();
    if (url == null) {
      throw DomainException.invalid(
          "invalid_openapi",
          "The document's servers give no absolute http(s) URL; give the backend endpoint URL");
    }
    return new ApiSpec(
        name,
        c,
        version,
        false,
        description,
        tags,
        Visibility.PUBLIC,
        operations.stream().map(o -> o.toOperation(null)).toList(),
        new Endpoint(url, null),
        Map.of(),
        null,
        null,
        null);
  }

  /**
   * The definition of {@code existing} after a re-import: name, description, tags and operations
   * come from the document; context, endpoints, visibility, default-version flag, cross-origin
   * rules, tier and staleness rule stay. An operation the document gives no tier keeps the one it
   * has. A document of another version is refused: consumers rely on a version's contract, so a new
   * version is a new API.
   */
  public ApiSpec replacing(Api existing) {
    if (!version.equals(existing.version())) {
      throw DomainException.conflict(
          "openapi_version_mismatch",
          "The document describes version "
              + version
              + " but this API is version "
              + existing.version()
              + "; import it as a new API to create a new version");
    }
    Map<String, String> tiers = new HashMap<>();
    existing.operations().forEach(o -> tiers.put(o.key(), o.tier()));
    return new ApiSpec(
        name,
        existing.context(),
        existing.version(),
        existing.isDefaultVersion(),
        description,
        tags,
        existing.visibility(),
        operations.stream()
            .map(o -> o.toOperation(tiers.get(o.method() + " " + o.uriTemplate())))
            .toList(),
        existing.defaultEndpoint(),
        existing.datacenterEndpoints(),
        existing.cors().orElse(null),
        existing.tier(),
        existing.staleness().orElse(null));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
