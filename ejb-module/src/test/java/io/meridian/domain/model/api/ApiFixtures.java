package io.meridian.domain.model.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Valid APIs to start tests from. */
public final class ApiFixtures {

  public static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private ApiFixtures() {}

  public static ApiSpec spec(String context, String description) {
    return spec(
        context,
        description,
        new Endpoint("http://127.0.0.1:9000", 5000),
        Map.of("dc-2", new Endpoint("http://10.1.0.5:9000", null)),
        null);
  }

  /** The pizza API with the given endpoints and cross-origin rules. */
  public static ApiSpec spec(
      String context,
      String description,
      Endpoint production,
      Map<String, Endpoint> datacenters,
      CorsPolicy cors) {
    return new ApiSpec(
        "Pizza",
        context,
        "1.0",
        false,
        description,
        List.of("food"),
        Visibility.PUBLIC,
        List.of(
            new Operation("GET", "/menu", false, List.of(), "Unlimited"),
            new Operation("GET", "/orders/{id}", true, List.of("orders:read"), "Gold")),
        production,
        datacenters,
        cors,
        null,
        null);
  }

  /** {@code spec} with the given staleness rule (null: none). */
  public static ApiSpec withStaleness(ApiSpec s, StalenessPolicy rule) {
    return new ApiSpec(
        s.name(),
        s.context(),
        s.version(),
        s.defaultVersion(),
        s.description(),
        s.tags(),
        s.visibility(),
        s.operations(),
        s.defaultEndpoint(),
        s.datacenterEndpoints(),
        s.cors(),
        s.tier(),
        rule);
  }

  /** A policy for one web application, with every member set. */
  public static CorsPolicy cors() {
    return new CorsPolicy(
        List.of("https://app.example.com", "http://localhost:3000"),
        List.of("GET", "POST"),
        List.of("Authorization", "Content-Type"),
        List.of("X-Request-Id"),
        true,
        3600);
  }

  public static ApiSpec spec() {
    return spec("/pizza", "Pizza orders");
  }

  public static Api api() {
    return Api.create(spec(), "pat", NOW);
  }
}
