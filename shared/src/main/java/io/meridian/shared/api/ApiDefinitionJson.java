package io.meridian.shared.api;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON of an {@link ApiDefinition}: keys in a fixed order, no insignificant white space,
 * so that equal definitions give byte-equal documents and therefore equal hashes. Later additions
 * are written only when used (an endpoint's {@code urls} when it has several, {@code cors} when
 * set, the API's {@code tier} when it is not Unlimited, {@code staleness} when set), so a
 * definition that does not use them keeps the bytes, and the hash, it always had.
 */
public final class ApiDefinitionJson {

  /** Version of this format; a reader refuses documents of a format it does not know. */
  public static final int FORMAT = 1;

  private ApiDefinitionJson() {}

  public static String write(ApiDefinition d) {
    JsonArrayBuilder operations = Jsons.PROVIDER.createArrayBuilder();
    for (OperationDefinition op : d.operations()) {
      operations.add(
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("authRequired", op.authRequired())
              .add("method", op.method())
              .add("scopes", strings(op.scopes()))
              .add("tier", op.tier())
              .add("uriTemplate", op.uriTemplate()));
    }
    JsonObjectBuilder overrides = Jsons.PROVIDER.createObjectBuilder();
    new TreeMap<>(d.datacenterEndpoints()).forEach((dc, e) -> overrides.add(dc, endpoint(e)));
    JsonObjectBuilder doc =
        Jsons.PROVIDER.createObjectBuilder().add("apiId", d.apiId()).add("context", d.context());
    if (d.cors() != null) {
      doc.add("cors", cors(d.cors()));
    }
    doc.add("datacenterEndpoints", overrides)
        .add("defaultEndpoint", endpoint(d.defaultEndpoint()))
        .add("defaultVersion", d.defaultVersion())
        .add("description", d.description() == null ? "" : d.description())
        .add("format", FORMAT)
        .add("name", d.name())
        .add("operations", operations)
        .add("owner", d.owner());
    if (d.staleness() != null) {
      doc.add(
          "staleness",
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("maxLagSeconds", d.staleness().maxLagSeconds())
              .add("whenStale", d.staleness().whenStale().wire()));
    }
    doc.add("tags", strings(d.tags()));
    if (!ApiDefinition.UNLIMITED.equals(d.tier())) {
      doc.add("tier", d.tier());
    }
    doc.add("version", d.version()).add("visibility", d.visibility());
    return doc.build().toString();
  }

  public static ApiDefinition read(String json) {
    JsonObject o;
    try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    int format = o.getInt("format");
    if (format != FORMAT) {
      throw new IllegalArgumentException("Unsupported API definition format " + format);
    }
    List<OperationDefinition> operations = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("operations")) {
      JsonObject op = v.asJsonObject();
      operations.add(
          new OperationDefinition(
              op.getString("method"),
              op.getString("uriTemplate"),
              op.getBoolean("authRequired"),
              strings(op.getJsonArray("scopes")),
              op.getString("tier")));
    }
    Map<String, EndpointDefinition> overrides = new LinkedHashMap<>();
    o.getJsonObject("datacenterEndpoints")
        .forEach((dc, e) -> overrides.put(dc, endpoint(e.asJsonObject())));
    return new ApiDefinition(
        o.getString("apiId"),
        o.getString("name"),
        o.getString("context"),
        o.getString("version"),
        o.getBoolean("defaultVersion", false),
        o.getString("description"),
        strings(o.getJsonArray("tags")),
        o.getString("visibility"),
        o.getString("owner"),
        operations,
        endpoint(o.getJsonObject("defaultEndpoint")),
        overrides,
        o.containsKey("cors") ? cors(o.getJsonObject("cors")) : null,
        o.getString("tier", ApiDefinition.UNLIMITED),
        o.containsKey("staleness") ? staleness(o.getJsonObject("staleness")) : null);
  }

  private static StalenessDefinition staleness(JsonObject o) {
    return new StalenessDefinition(
        o.getInt("maxLagSeconds"),
        StalenessDefinition.WhenStale.fromWire(o.getString("whenStale")));
  }

  private static JsonObjectBuilder endpoint(EndpointDefinition e) {
    JsonObjectBuilder b =
        Jsons.PROVIDER.createObjectBuilder().add("timeoutMillis", e.timeoutMillis());
    return e.urls().size() == 1 ? b.add("url", e.url()) : b.add("urls", strings(e.urls()));
  }

  private static EndpointDefinition endpoint(JsonObject o) {
    List<String> urls =
        o.containsKey("urls") ? strings(o.getJsonArray("urls")) : List.of(o.getString("url"));
    return new EndpointDefinition(urls, o.getInt("timeoutMillis"));
  }

  private static JsonObjectBuilder cors(CorsDefinition c) {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("allowCredentials", c.allowCredentials())
        .add("allowHeaders", strings(c.allowHeaders()))
        .add("allowMethods", strings(c.allowMethods()))
        .add("allowOrigins", strings(c.allowOrigins()))
        .add("exposeHeaders", strings(c.exposeHeaders()))
        .add("maxAgeSeconds", c.maxAgeSeconds());
  }

  private static CorsDefinition cors(JsonObject o) {
    return new CorsDefinition(
        strings(o.getJsonArray("allowOrigins")),
        strings(o.getJsonArray("allowMethods")),
        strings(o.getJsonArray("allowHeaders")),
        strings(o.getJsonArray("exposeHeaders")),
        o.getBoolean("allowCredentials"),
        o.getInt("maxAgeSeconds"));
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder b = Jsons.PROVIDER.createArrayBuilder();
    values.forEach(b::add);
    return b;
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
