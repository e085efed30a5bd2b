package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every client mistake gets the right status and one error shape with a stable code; none gets a
 * stack trace or a 500.
 */
class ErrorMatrixIT {

  private static Http publisher;
  private static String developerName;
  private static Http developer;
  private static String apiId;

  @BeforeAll
  static void setUp() {
    publisher = Fixtures.publisher();
    apiId = Fixtures.publishedApi(publisher);
    developerName = Fixtures.signUp();
    developer = Http.as(developerName, Fixtures.PASSWORD);
  }

  /** Asserts a problem response: status, code, and the five members of the shape. */
  private static JsonObject problem(Http.Reply r, int status, String code) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(
        r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    JsonObject p = r.json();
    assertEquals(code, p.getString("code"), r.toString());
    assertEquals(status, p.getInt("status"));
    assertEquals("urn:meridian:problem:" + code, p.getString("type"));
    assertNotNull(p.getString("title"));
    assertFalse(p.getString("detail").isBlank());
    assertFalse(r.body().contains("Exception"), "no stack traces or exception names: " + r.body());
    return p;
  }

  private static void oauthError(Http.Reply r, int status, String error) {
    assertEquals(status, r.status(), r.toString());
    assertEquals(error, r.json().getString("error"));
    assertFalse(r.json().getString("error_description").isBlank());
    assertEquals("no-store", r.header("Cache-Control"));
  }

  @Test
  void malformedJsonIs400() {
    problem(publisher.post("/publisher/api/v1/apis", "{\"name\": "), 400, "malformed_json");
    problem(publisher.post("/publisher/api/v1/apis", "[1,2]"), 400, "malformed_json");
    problem(
        publisher.post("/publisher/api/v1/apis", "{\"operations\": \"not a list\"}"),
        400,
        "malformed_json");
  }

  @Test
  void missingOrInvalidFieldsAre400WithTheFieldNamed() {
    problem(publisher.post("/publisher/api/v1/apis", ""), 400, "missing_body");
    JsonObject p = problem(publisher.post("/publisher/api/v1/apis", "{}"), 400, "missing_field");
    assertTrue(p.getString("detail").contains("name"), p.toString());
    problem(
        publisher.post("/publisher/api/v1/apis", Fixtures.apiJson("no-leading-slash", "x")),
        400,
        "invalid_context");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            Fixtures.apiJson("/" + Fixtures.unique("p"), "x").replace("\"Gold\"", "\"Platinum\"")),
        400,
        "unknown_tier");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            Fixtures.apiJson("/" + Fixtures.unique("p"), "x").replace("/orders/{id}", "orders")),
        400,
        "invalid_uri_template");
    problem(
        publisher.post(
            "/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"LAUNCHED\"}"),
        400,
        "invalid_state");
    problem(publisher.get("/publisher/api/v1/apis?limit=100000"), 400, "invalid_paging");
    problem(
        Http.anonymous()
            .post("/store/api/v1/signup", "{\"username\":\"ab\",\"password\":\"long-enough\"}"),
        400,
        "invalid_username");
    problem(
        Http.anonymous()
            .post(
                "/store/api/v1/signup",
                "{\"username\":\"" + Fixtures.unique("d") + "\",\"password\":\"short\"}"),
        400,
        "weak_password");
  }

  @Test
  void endpointUrlAndCorsMistakesAre400WithTheirCodes() {
    String ok = Fixtures.apiJson("/" + Fixtures.unique("p"), "x");
    String production = "{\"url\":\"http://127.0.0.1:9000\",\"timeoutMillis\":5000}";
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace(
                production,
                "{\"url\":\"http://127.0.0.1:9000\",\"urls\":[\"http://127.0.0.1:9001\"]}")),
        400,
        "conflicting_endpoint_urls");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace(
                "\"dc-ro\":{\"url\":\"http://127.0.0.1:9100\"}",
                "\"dc-ro\":{\"url\":\"http://a\",\"urls\":[\"http://b\"]}")),
        400,
        "conflicting_endpoint_urls");
    JsonObject p =
        problem(
            publisher.post(
                "/publisher/api/v1/apis", ok.replace(production, "{\"timeoutMillis\":5000}")),
            400,
            "missing_field");
    assertTrue(p.getString("detail").contains("endpoints.production"), p.toString());
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace(
                production, "{\"urls\":[\"http://127.0.0.1:9000\",\"http://127.0.0.1:9000\"]}")),
        400,
        "duplicate_endpoint_url");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace(production, "{\"urls\":[\"http://127.0.0.1:9000\",\"ftp://x\"]}")),
        400,
        "invalid_endpoint_url");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace(production, "{\"urls\":\"http://127.0.0.1:9000\"}")),
        400,
        "malformed_json");

    String[] badCors = {
      "{\"allowOrigins\":[]}",
      "{\"allowOrigins\":[\"https://app.example.com/\"]}",
      "{\"allowOrigins\":[\"*\"],\"allowCredentials\":true}",
      "{\"allowOrigins\":[\"*\"],\"allowMethods\":[\"TRACE\"]}",
      "{\"allowOrigins\":[\"*\"],\"allowHeaders\":[\"Bad Header\"]}",
      "{\"allowOrigins\":[\"*\"],\"maxAgeSeconds\":86401}"
    };
    for (String cors : badCors) {
      problem(
          publisher.post(
              "/publisher/api/v1/apis",
              ok.replace(
                  "\"visibility\":\"PUBLIC\",",
                  "\"visibility\":\"PUBLIC\",\"cors\":" + cors + ",")),
          400,
          "invalid_cors");
    }
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            ok.replace("\"visibility\":\"PUBLIC\",", "\"visibility\":\"PUBLIC\",\"cors\":\"on\",")),
        400,
        "malformed_json");
  }

  @Test
  void conflictsAre409() {
    String context = publisher.get("/publisher/api/v1/apis/" + apiId).json().getString("context");
    problem(
        publisher.post("/publisher/api/v1/apis", Fixtures.apiJson(context, "twin")),
        409,
        "api_exists");
    problem(
        publisher.post("/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"RETIRED\"}"),
        409,
        "illegal_lifecycle_transition");
    problem(publisher.delete("/publisher/api/v1/apis/" + apiId), 409, "api_not_deletable");
    problem(
        Http.anonymous()
            .post(
                "/store/api/v1/signup",
                "{\"username\":\"" + developerName + "\",\"password\":\"long-enough-pw\"}"),
        409,
        "username_taken");
    String app = Fixtures.application(developer);
    String subscribe = "{\"apiId\":\"" + apiId + "\",\"tier\":\"Gold\"}";
    assertEquals(
        201,
        developer.post("/store/api/v1/applications/" + app + "/subscriptions", subscribe).status());
    problem(
        developer.post("/store/api/v1/applications/" + app + "/subscriptions", subscribe),
        409,
        "already_subscribed");
    assertEquals(201, developer.post("/store/api/v1/applications/" + app + "/keys").status());
    problem(developer.post("/store/api/v1/applications/" + app + "/keys"), 409, "keys_exist");
  }

  @Test
  void aContextHasOneDefaultVersion() {
    String context = "/" + Fixtures.unique("dflt");
    String v1 =
        Fixtures.apiJson(context, "one")
            .replace("\"version\":\"1.0\"", "\"version\":\"1.0\",\"defaultVersion\":true");
    assertEquals(201, publisher.post("/publisher/api/v1/apis", v1).status());
    String v2 = v1.replace("\"version\":\"1.0\"", "\"version\":\"2.0\"");
    problem(publisher.post("/publisher/api/v1/apis", v2), 409, "default_version_taken");
  }

  @Test
  void unknownIdsAndPathsAre404() {
    problem(publisher.get("/publisher/api/v1/apis/no-such-api"), 404, "api_not_found");
    problem(
        publisher.get("/publisher/api/v1/apis/" + apiId + "/revisions/99"),
        404,
        "revision_not_found");
    problem(publisher.get("/publisher/api/v1/no-such-resource"), 404, "not_found");
    problem(Http.anonymous().get("/store/api/v1/apis/no-such-api"), 404, "api_not_found");
  }

  @Test
  void anUnpublishedApiIsInvisibleInTheStoreAndTakesNoSubscriptions() {
    Http.Reply created =
        publisher.post(
            "/publisher/api/v1/apis", Fixtures.apiJson("/" + Fixtures.unique("draft"), "draft"));
    String draft = created.json().getString("id");
    problem(Http.anonymous().get("/store/api/v1/apis/" + draft), 404, "api_not_found");
    String app = Fixtures.application(developer);
    problem(
        developer.post(
            "/store/api/v1/applications/" + app + "/subscriptions",
            "{\"apiId\":\"" + draft + "\",\"tier\":\"Gold\"}"),
        404,
        "api_not_found");
  }

  @Test
  void wrongMethodAndMediaTypeGetTheProblemShapeToo() {
    problem(
        publisher.raw("PATCH", "/publisher/api/v1/apis", "application/json", "{}"),
        405,
        "method_not_allowed");
    problem(
        publisher.raw("POST", "/publisher/api/v1/apis", "text/plain", "hello"),
        415,
        "unsupported_media_type");
  }

  @Test
  void missingOrWrongCredentialsAre401WithAChallenge() {
    Http.Reply anonymous = Http.anonymous().get("/publisher/api/v1/apis");
    problem(anonymous, 401, "unauthenticated");
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
    Http.Reply wrong = Http.as(developerName, "wrong-password").get("/store/api/v1/me");
    problem(wrong, 401, "invalid_credentials");
    assertTrue(wrong.header("WWW-Authenticate").startsWith("Basic"));
    problem(
        Http.as("nobody-at-all", "whatever-pw").get("/store/api/v1/applications"),
        401,
        "invalid_credentials");
  }

  @Test
  void wrongRoleIs403() {
    problem(developer.get("/publisher/api/v1/apis"), 403, "forbidden");
    problem(
        developer.post(
            "/publisher/api/v1/users",
            "{\"username\":\"x-"
                + Fixtures.unique("u")
                + "\",\"password\":\"long-enough\",\"roles\":[\"admin\"]}"),
        403,
        "forbidden");
    problem(publisher.post("/publisher/api/v1/signing-keys/rotate"), 403, "forbidden");
  }

  @Test
  void someoneElsesApplicationIsNotFound() {
    String app = Fixtures.application(developer);
    Http other = Http.as(Fixtures.signUp(), Fixtures.PASSWORD);
    problem(other.get("/store/api/v1/applications/" + app), 404, "application_not_found");
    problem(other.delete("/store/api/v1/applications/" + app), 404, "application_not_found");
    problem(
        other.post("/store/api/v1/applications/" + app + "/keys"), 404, "application_not_found");
    problem(
        other.post(
            "/store/api/v1/applications/" + app + "/subscriptions",
            "{\"apiId\":\"" + apiId + "\",\"tier\":\"Gold\"}"),
        404,
        "application_not_found");
    assertEquals(200, developer.get("/store/api/v1/applications/" + app).status());
  }

  @Test
  void tokenEndpointErrorsFollowRfc6749() {
    String app = Fixtures.application(developer);
    JsonObject keys = developer.post("/store/api/v1/applications/" + app + "/keys").json();
    String id = keys.getString("consumerKey");
    String secret = keys.getString("consumerSecret");
    Http client = Http.as(id, secret);

    Http.Reply badSecret =
        Http.as(id, "not-the-secret")
            .form("/store/oauth2/token", params("grant_type", "client_credentials"));
    oauthError(badSecret, 401, "invalid_client");
    assertTrue(badSecret.header("WWW-Authenticate").startsWith("Basic"));
    oauthError(
        Http.anonymous()
            .form(
                "/store/oauth2/token",
                params(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    "unknown",
                    "client_secret",
                    "x")),
        401,
        "invalid_client");
    oauthError(
        Http.anonymous().form("/store/oauth2/token", params("grant_type", "client_credentials")),
        401,
        "invalid_client");
    oauthError(
        client.form("/store/oauth2/token", params("grant_type", "implicit")),
        400,
        "unsupported_grant_type");
    oauthError(client.form("/store/oauth2/token", params()), 400, "invalid_request");
    oauthError(
        client.form(
            "/store/oauth2/token",
            params("grant_type", "password", "username", developerName, "password", "wrong")),
        400,
        "invalid_grant");
    oauthError(
        client.form("/store/oauth2/token", params("grant_type", "password")),
        400,
        "invalid_request");
    oauthError(
        client.form(
            "/store/oauth2/token",
            params("grant_type", "refresh_token", "refresh_token", "forged")),
        400,
        "invalid_grant");
    oauthError(
        client.form(
            "/store/oauth2/token",
            params("grant_type", "client_credentials", "scope", "no-such-scope")),
        400,
        "invalid_scope");
    oauthError(
        Http.as(id, secret)
            .form(
                "/store/oauth2/token",
                params(
                    "grant_type", "client_credentials", "client_id", id, "client_secret", secret)),
        400,
        "invalid_request");
    oauthError(client.form("/store/oauth2/introspect", params()), 400, "invalid_request");

    // RFC 7009 §2.2: revoking an unknown token still answers 200.
    assertEquals(
        200, client.form("/store/oauth2/revoke", params("token", "unknown-token")).status());
    // RFC 7662: a garbage token is simply inactive.
    assertFalse(
        client
            .form("/store/oauth2/introspect", params("token", "a.b.c"))
            .json()
            .getBoolean("active"));
  }

  @Test
  void aClientLimitedToClientCredentialsCannotUseThePasswordGrant() {
    String app = Fixtures.application(developer);
    JsonObject keys =
        developer
            .post(
                "/store/api/v1/applications/" + app + "/keys",
                "{\"grantTypes\":[\"client_credentials\"]}")
            .json();
    Http client = Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"));
    oauthError(
        client.form(
            "/store/oauth2/token",
            params(
                "grant_type",
                "password",
                "username",
                developerName,
                "password",
                Fixtures.PASSWORD)),
        400,
        "unauthorized_client");
    problem(
        developer.post(
            "/store/api/v1/applications/" + Fixtures.application(developer) + "/keys",
            "{\"grantTypes\":[\"implicit\"]}"),
        400,
        "invalid_grant_type");
  }

  @Test
  void throttlingPolicyMistakesGetTheirCodes() {
    Http admin = Http.admin();
    String tiers = "/publisher/api/v1/tiers";
    String[] broken = {
      "{\"name\":\"bad name\",\"requestCount\":1,\"unitSeconds\":60}",
      "{\"requestCount\":1,\"unitSeconds\":60}",
      "{\"name\":\"x\",\"unitSeconds\":60}",
      "{\"name\":\"x\",\"requestCount\":-1,\"unitSeconds\":60}",
      "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":86401}",
      "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":1.5}",
      "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"burstPerSecond\":11}",
      "{\"name\":\"x\",\"requestCount\":10,\"unitSeconds\":60,\"bandwidthBytes\":100}"
    };
    for (String body : broken) {
      problem(admin.post(tiers, body), 400, "invalid_tier");
    }
    problem(admin.post(tiers, ""), 400, "missing_body");
    problem(
        admin.post(tiers, "{\"name\":\"x\",\"requestCount\":\"many\",\"unitSeconds\":60}"),
        400,
        "malformed_json");
    String valid = "{\"requestCount\":10,\"unitSeconds\":60}";
    problem(
        admin.post(tiers, "{\"name\":\"Gold\",\"requestCount\":1,\"unitSeconds\":60}"),
        409,
        "tier_exists");
    problem(admin.get(tiers + "/NoSuchPolicy"), 404, "tier_not_found");
    problem(admin.put(tiers + "/NoSuchPolicy", valid), 404, "tier_not_found");
    problem(admin.delete(tiers + "/NoSuchPolicy"), 404, "tier_not_found");
    problem(admin.delete(tiers + "/Unlimited"), 409, "tier_protected");
    problem(admin.put(tiers + "/Unlimited", valid), 409, "tier_protected");
    problem(
        admin.put(tiers + "/Gold", "{\"name\":\"Golden\",\"requestCount\":10,\"unitSeconds\":60}"),
        409,
        "tier_name_frozen");
    // The published API of setUp has an operation at Gold.
    problem(admin.delete(tiers + "/Gold"), 409, "tier_in_use");
    assertEquals(5000, admin.get(tiers + "/Gold").json().getInt("requestCount"));

    // Publishers read policies, only administrators change them; developers see them in the store.
    assertEquals(200, publisher.get(tiers).status());
    problem(
        publisher.post(tiers, "{\"name\":\"" + Fixtures.unique("p") + "\"," + valid.substring(1)),
        403,
        "forbidden");
    problem(publisher.put(tiers + "/Bronze", valid), 403, "forbidden");
    problem(publisher.delete(tiers + "/Bronze"), 403, "forbidden");
    problem(developer.get(tiers), 403, "forbidden");
    assertEquals(200, developer.get("/store/api/v1/tiers").status());

    // Applications and APIs may only name policies that exist.
    problem(
        developer.post(
            "/store/api/v1/applications",
            "{\"name\":\"" + Fixtures.unique("app") + "\",\"tier\":\"Platinum\"}"),
        400,
        "unknown_tier");
    String app = Fixtures.application(developer);
    problem(
        developer.put(
            "/store/api/v1/applications/" + app, "{\"name\":\"renamed\",\"tier\":\"Platinum\"}"),
        400,
        "unknown_tier");
    problem(
        publisher.post(
            "/publisher/api/v1/apis",
            Fixtures.apiJson("/" + Fixtures.unique("p"), "x")
                .replace(
                    "\"visibility\":\"PUBLIC\",",
                    "\"visibility\":\"PUBLIC\",\"tier\":\"Platinum\",")),
        400,
        "unknown_tier");
  }
}
