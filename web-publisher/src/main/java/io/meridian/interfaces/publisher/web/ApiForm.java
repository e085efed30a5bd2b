package io.meridian.interfaces.publisher.web;

import io.meridian.interfaces.common.OperationView;
import io.meridian.interfaces.publisher.rest.ApiRequest;
import io.meridian.interfaces.publisher.rest.ApiView;
import io.meridian.interfaces.publisher.rest.EndpointView;
import io.meridian.interfaces.publisher.rest.EndpointsView;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API form edits, as text fields a browser posts: converted to the REST layer's {@link
 * ApiRequest} so the page and the REST API go through one validation. Tags are comma separated,
 * endpoint URLs one per line; what the form does not show (CORS, staleness) is kept as it was.
 */
public class ApiForm implements Serializable {

  /** One operation row of the form. */
  public static class OperationRow implements Serializable {
    private String method = "GET";
    private String uriTemplate = "/";
    private boolean authRequired = true;
    private String scopes = "";
    private String tier = "Unlimited";

    static OperationRow of(OperationView o) {
      OperationRow row = new OperationRow();
      row.method = o.method();
      row.uriTemplate = o.uriTemplate();
      row.authRequired = !Boolean.FALSE.equals(o.authRequired());
      row.scopes = o.scopes() == null ? "" : String.join(" ", o.scopes());
      row.tier = o.tier();
      return row;
    }

    OperationView toView() {
      return new OperationView(method, uriTemplate, authRequired, words(scopes, "\\s+"), tier);
    }

    public String getMethod() {
      return method;
    }

    public void setMethod(String method) {
      this.method = method;
    }

    public String getUriTemplate() {
      return uriTemplate;
    }

    public void setUriTemplate(String uriTemplate) {
      this.uriTemplate = uriTemplate;
    }

    public boolean isAuthRequired() {
      return authRequired;
    }

    public void setAuthRequired(boolean authRequired) {
      this.authRequired = authRequired;
    }

    public String getScopes() {
      return scopes;
    }

    public void setScopes(String scopes) {
      this.scopes = scopes;
    }

    public String getTier() {
      return tier;
    }

    public void setTier(String tier) {
      this.tier = tier;
    }
  }

  /** One per-datacenter endpoint override of the form. */
  public static class OverrideRow implements Serializable {
    private String datacenter = "";
    private String urls = "";

    public String getDatacenter() {
      return datacenter;
    }

    public void setDatacenter(String datacenter) {
      this.datacenter = datacenter;
    }

    public String getUrls() {
      return urls;
    }

    public void setUrls(String urls) {
      this.urls = urls;
    }
  }

  private String name;
  private String context;
  private String version;
  private boolean defaultVersion;
  private String description;
  private String tags = "";
  private String visibility = "PUBLIC";
  private String tier = "Unlimited";
  private String endpointUrls = "";
  private Integer timeoutMillis;
  private final List<OperationRow> operations = new ArrayList<>();
  private final List<OverrideRow> overrides = new ArrayList<>();

  /** An empty form for a new API, with one operation to start from. */
  public static ApiForm blank() {
    ApiForm form = new ApiForm();
    form.operations.add(new OperationRow());
    return form;
  }

  public static ApiForm of(ApiView api) {
    ApiForm form = new ApiForm();
    form.name = api.name();
    form.context = api.context();
    form.version = api.version();
    form.defaultVersion = api.defaultVersion();
    form.description = api.description();
    form.tags = String.join(", ", api.tags());
    form.visibility = api.visibility();
    form.tier = api.tier();
    form.endpointUrls = String.join("\n", api.endpoints().production().urls());
    form.timeoutMillis = api.endpoints().production().timeoutMillis();
    api.operations().forEach(o -> form.operations.add(OperationRow.of(o)));
    api.endpoints()
        .datacenters()
        .forEach(
            (dc, e) -> {
              OverrideRow row = new OverrideRow();
              row.datacenter = dc;
              row.urls = String.join("\n", e.urls());
              form.overrides.add(row);
            });
    return form;
  }

  /**
   * The request this form makes; {@code current} is the API being edited (its CORS and staleness
   * rules carry over), or null for a new one.
   */
  public ApiRequest toRequest(ApiView current) {
    Map<String, EndpointView> datacenters = new LinkedHashMap<>();
    for (OverrideRow row : overrides) {
      if (!row.datacenter.isBlank() || !row.urls.isBlank()) {
        datacenters.put(
            row.datacenter.strip(), new EndpointView(null, words(row.urls, "\\s+"), timeoutMillis));
      }
    }
    List<String> urls = words(endpointUrls, "\\s+");
    return new ApiRequest(
        name,
        context,
        version,
        defaultVersion,
        description,
        words(tags, ","),
        visibility,
        operations.stream().map(OperationRow::toView).toList(),
        new EndpointsView(
            urls.isEmpty() ? null : new EndpointView(null, urls, timeoutMillis), datacenters),
        current == null ? null : current.cors(),
        tier,
        current == null ? null : current.staleness());
  }

  static List<String> words(String text, String separator) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public List<OperationRow> getOperations() {
    return operations;
  }

  public List<OverrideRow> getOverrides() {
    return overrides;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getContext() {
    return context;
  }

  public void setContext(String context) {
    this.context = context;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public boolean isDefaultVersion() {
    return defaultVersion;
  }

  public void setDefaultVersion(boolean defaultVersion) {
    this.defaultVersion = defaultVersion;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  public String getEndpointUrls() {
    return endpointUrls;
  }

  public void setEndpointUrls(String endpointUrls) {
    this.endpointUrls = endpointUrls;
  }

  public Integer getTimeoutMillis() {
    return timeoutMillis;
  }

  public void setTimeoutMillis(Integer timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }
}
