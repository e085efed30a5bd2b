package io.meridian.domain.model.api;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import io.meridian.shared.api.OperationDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** One operation of an API: HTTP method, URI template, authentication, scopes and tier. */
@Embeddable
public class Operation {

  static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /**
   * Segments are literals or {@code {name}} variables; the last may be {@code *} (the rest of the
   * path). {@code /} alone is the API root.
   */
  private static final Pattern URI_TEMPLATE =
      Pattern.compile(
          "^/$|^(/([A-Za-z0-9._~!$&'()+,;=:@%-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}))*(/\\*)?$");

  private static final Pattern SCOPE = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}$");

  @Column(name = "method", nullable = false, length = 10)
  private String method;

  @Column(name = "uri_template", nullable = false, length = 512)
  private String uriTemplate;

  @Column(name = "auth_required", nullable = false)
  private boolean authRequired;

  @Convert(converter = ScopesConverter.class)
  @Column(name = "scopes", nullable = false, length = 1024)
  private List<String> scopes;

  @Column(name = "tier", nullable = false, length = 64)
  private String tier;

  protected Operation() {}

  public Operation(
      String method, String uriTemplate, Boolean authRequired, List<String> scopes, String tier) {
    String m = Require.text(method, "method", 10).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw DomainException.invalid(
          "invalid_method", "method must be one of " + String.join(", ", sorted(METHODS)));
    }
    this.method = m;
    this.uriTemplate =
        Require.matching(
            uriTemplate,
            "uriTemplate",
            URI_TEMPLATE,
            "must start with / and use literal or {name} segments, e.g. /orders/{id}");
    this.authRequired = authRequired == null || authRequired;
    List<String> s = scopes == null ? List.of() : scopes.stream().distinct().sorted().toList();
    for (String scope : s) {
      if (scope == null || !SCOPE.matcher(scope).matches()) {
        throw DomainException.invalid(
            "invalid_scope", "scopes must be 1 to 64 printable characters without spaces");
      }
    }
    this.scopes = s;
    this.tier = Require.text(tier == null ? ThrottlingPolicy.UNLIMITED : tier, "tier", 64);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  public String method() {
    return method;
  }

  public String uriTemplate() {
    return uriTemplate;
  }

  public boolean authRequired() {
    return authRequired;
  }

  public List<String> scopes() {
    return scopes;
  }

  public String tier() {
    return tier;
  }

  String key() {
    return method + " " + uriTemplate;
  }

  static Operation of(OperationDefinition d) {
    return new Operation(d.method(), d.uriTemplate(), d.authRequired(), d.scopes(), d.tier());
  }

  OperationDefinition definition() {
    return new OperationDefinition(method, uriTemplate, authRequired, scopes, tier);
  }
}
