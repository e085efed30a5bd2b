package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automation against the publisher REST API with bearer access tokens from Meridian's own key
 * manager (MicroProfile JWT): {@code apim:publish} acts as the publisher who owns the application,
 * a token without it is 403, a bad one 401, a subscriber cannot get the scope, and Basic keeps
 * working beside it.
 */
class AutomationTokenIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static String publisherName;
  private static Http publisher;
  private static String clientId;
  private static String clientSecret;

  /** A publisher who is also a developer: an application of theirs gets the tokens. */
  @BeforeAll
  static void publisherWithAnApplication() {
    publisherName = Fixtures.unique("ci");
    Http.Reply created =
        Http.admin()
            .post(
                "/publisher/api/v1/users",
                "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"publisher\",\"subscriber\"]}"
                    .formatted(publisherName, Fixtures.PASSWORD));
    assertEquals(201, created.status(), created.toString());
    publisher = Http.as(publisherName, Fixtures.PASSWORD);
    String appId = Fixtures.application(publisher);
    JsonObject keys = publisher.post("/store/api/v1/applications/" + appId + "/keys").json();
    clientId = keys.getString("consumerKey");
    clientSecret = keys.getString("consumerSecret");
  }

  private static Http.Reply token(String id, String secret, String... form) {
    return Http.as(id, secret).form("/store/oauth2/token", params(form));
  }

  private static String accessToken(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getString("access_token");
  }

  /** A call with {@code Authorization: Bearer}; the token never appears in a failure message. */
  private static HttpResponse<String> bearer(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String describe(HttpResponse<String> r) {
    return r.statusCode() + " " + r.body();
  }

  private static String code(HttpResponse<String> r) {
    return ((JsonObject) Http.parse(r.body())).getString("code");
  }

  @Test
  void aPublishersApplicationCreatesAndPublishesAnApiWithABearerToken() throws Exception {
    Http.Reply issued =
        token(clientId, clientSecret, "grant_type", "client_credentials", "scope", "apim:publish");
    String token = accessToken(issued);
    assertEquals("apim:publish", issued.json().getString("scope"));

    String context = "/" + Fixtures.unique("ci-pizza");
    HttpResponse<String> created =
        bearer("POST", "/publisher/api/v1/apis", token, Fixtures.apiJson(context, "From CI"));
    assertEquals(201, created.statusCode(), describe(created));
    String id = ((JsonObject) Http.parse(created.body())).getString("id");
    HttpResponse<String> published =
        bearer(
            "POST",
            "/publisher/api/v1/apis/" + id + "/lifecycle",
            token,
            "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, published.statusCode(), describe(published));
    assertEquals("PUBLISHED", ((JsonObject) Http.parse(published.body())).getString("state"));

    // The token acted for the application's owner: the audit trail names the publisher.
    Http.Reply audit = publisher.get("/publisher/api/v1/apis/" + id + "/audit");
    assertTrue(audit.body().contains("\"" + publisherName + "\""), audit.toString());
    // ... and Basic still works beside bearer tokens.
    assertEquals(200, publisher.get("/publisher/api/v1/apis/" + id).status());
  }

  @Test
  void thePasswordGrantCarriesTheScopeToo() throws Exception {
    String token =
        accessToken(
            token(
                clientId,
                clientSecret,
                "grant_type",
                "password",
                "username",
                publisherName,
                "password",
                Fixtures.PASSWORD,
                "scope",
                "apim:publish"));
    HttpResponse<String> tiers = bearer("GET", "/publisher/api/v1/tiers", token, null);
    assertEquals(200, tiers.statusCode(), describe(tiers));
    // Administration needs apim:admin: the publisher's token is refused there.
    HttpResponse<String> keys = bearer("GET", "/publisher/api/v1/signing-keys", token, null);
    assertEquals(403, keys.statusCode(), describe(keys));
  }

  @Test
  void aTokenWithoutTheScopeIsForbidden() throws Exception {
    String token = accessToken(token(clientId, clientSecret, "grant_type", "client_credentials"));
    HttpResponse<String> r = bearer("GET", "/publisher/api/v1/apis", token, null);
    assertEquals(403, r.statusCode(), describe(r));
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("forbidden", code(r));
  }

  @Test
  void aGarbageTamperedOrRevokedTokenIsUnauthenticated() throws Exception {
    HttpResponse<String> garbage = bearer("GET", "/publisher/api/v1/apis", "not-a-token", null);
    assertEquals(401, garbage.statusCode(), describe(garbage));
    assertEquals("invalid_token", code(garbage));
    assertTrue(
        garbage.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        garbage.headers().map().toString());

    String token =
        accessToken(
            token(
                clientId,
                clientSecret,
                "grant_type",
                "client_credentials",
                "scope",
                "apim:publish"));
    String[] parts = token.split("\\.");
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"apim:publish\"", "\"apim:publish apim:admin\"")
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> tampered =
        bearer(
            "GET", "/publisher/api/v1/apis", parts[0] + "." + otherPayload + "." + parts[2], null);
    assertEquals(401, tampered.statusCode(), describe(tampered));
    assertEquals("invalid_token", code(tampered));

    assertEquals(200, bearer("GET", "/publisher/api/v1/apis", token, null).statusCode());
    Http.Reply revoked =
        Http.as(clientId, clientSecret).form("/store/oauth2/revoke", params("token", token));
    assertEquals(200, revoked.status(), revoked.toString());
    HttpResponse<String> after = bearer("GET", "/publisher/api/v1/apis", token, null);
    assertEquals(401, after.statusCode(), describe(after));
    assertFalse(after.body().contains(token));
  }

  @Test
  void aSubscriberCannotGetThePublishScope() {
    String dev = Fixtures.signUp();
    Http developer = Http.as(dev, Fixtures.PASSWORD);
    String appId = Fixtures.application(developer);
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    String id = keys.getString("consumerKey");
    String secret = keys.getString("consumerSecret");

    Http.Reply cc = token(id, secret, "grant_type", "client_credentials", "scope", "apim:publish");
    assertEquals(400, cc.status(), cc.toString());
    assertEquals("invalid_scope", cc.json().getString("error"));

    Http.Reply password =
        token(
            id,
            secret,
            "grant_type",
            "password",
            "username",
            dev,
            "password",
            Fixtures.PASSWORD,
            "scope",
            "apim:publish");
    assertEquals(400, password.status(), password.toString());
    assertEquals("invalid_scope", password.json().getString("error"));

    // Nor does a publisher get apim:admin.
    Http.Reply admin =
        token(clientId, clientSecret, "grant_type", "client_credentials", "scope", "apim:admin");
    assertEquals("invalid_scope", admin.json().getString("error"), admin.toString());
  }
}
