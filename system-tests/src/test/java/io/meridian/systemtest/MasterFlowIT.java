package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole master flow as its users do it: a publisher creates and publishes an API; a developer
 * signs up, creates an application, subscribes, gets keys, obtains tokens with every grant,
 * introspects, revokes, and introspection then says inactive.
 */
class MasterFlowIT {

  private static String basic(String id, String secret) {
    return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publisherPublishesAndDeveloperObtainsAndRevokesTokens() throws Exception {
    Http publisher = Fixtures.publisher();
    String apiId = Fixtures.publishedApi(publisher);

    // Publishing froze revision 1; an edit is not live until published again, which makes 2.
    JsonObject api = publisher.get("/publisher/api/v1/apis/" + apiId).json();
    assertEquals("PUBLISHED", api.getString("state"));
    assertEquals(1, api.getInt("latestRevision"));
    String context = api.getString("context");
    Http.Reply edited =
        publisher.put(
            "/publisher/api/v1/apis/" + apiId, Fixtures.apiJson(context, "Now with calzone"));
    assertEquals(200, edited.status(), edited.toString());
    assertTrue(edited.json().getBoolean("unpublishedChanges"));
    assertEquals(
        2,
        publisher
            .post("/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"PUBLISHED\"}")
            .json()
            .getInt("latestRevision"));
    JsonObject revision2 = publisher.get("/publisher/api/v1/apis/" + apiId + "/revisions/2").json();
    assertEquals(
        "Now with calzone", revision2.getJsonObject("definition").getString("description"));
    assertEquals(2, publisher.get("/publisher/api/v1/apis/" + apiId + "/revisions").array().size());
    assertTrue(
        publisher.get("/publisher/api/v1/apis/" + apiId + "/audit").body().contains("revision 2"));

    // The developer finds it in the store, without backend endpoints.
    String dev = Fixtures.signUp();
    Http developer = Http.as(dev, Fixtures.PASSWORD);
    assertEquals(dev, developer.get("/store/api/v1/me").json().getString("username"));
    Http.Reply listed = Http.anonymous().get("/store/api/v1/apis?query=" + context.substring(1));
    assertEquals(1, listed.array().size(), listed.toString());
    assertFalse(listed.body().contains("127.0.0.1:9000"), "the store must not reveal backends");

    String appId = Fixtures.application(developer);
    Http.Reply subscribed =
        developer.post(
            "/store/api/v1/applications/" + appId + "/subscriptions",
            "{\"apiId\":\"" + apiId + "\",\"tier\":\"Gold\"}");
    assertEquals(201, subscribed.status(), subscribed.toString());
    assertEquals("ACTIVE", subscribed.json().getString("state"));
    assertEquals(
        1, publisher.get("/publisher/api/v1/apis/" + apiId + "/subscriptions").array().size());

    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    String clientId = keys.getString("consumerKey");
    String secret = keys.getString("consumerSecret");
    assertFalse(
        developer.get("/store/api/v1/applications/" + appId + "/keys").body().contains(secret),
        "the secret is shown only once");

    // client_credentials, with HTTP Basic client authentication and a scope of the API.
    Http client = Http.anonymous();
    Http.Reply cc =
        client.form(
            "/store/oauth2/token",
            params(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                secret,
                "scope",
                "orders:read unknown:scope"));
    assertEquals(200, cc.status(), cc.toString());
    assertEquals("orders:read", cc.json().getString("scope"));
    assertEquals("Bearer", cc.json().getString("token_type"));
    assertFalse(cc.json().containsKey("refresh_token"));
    assertEquals("no-store", cc.header("Cache-Control"));

    // A gateway can verify the token with the published public keys alone.
    SignedJWT jwt = SignedJWT.parse(cc.json().getString("access_token"));
    JWKSet jwks = JWKSet.parse(client.get("/store/oauth2/jwks").body());
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertNotNull(key, "the token's kid is in the JWKS");
    assertTrue(jwt.verify(new RSASSAVerifier(key)));
    assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
    assertEquals(clientId, jwt.getJWTClaimsSet().getStringClaim("client_id"));
    assertEquals(appId, jwt.getJWTClaimsSet().getStringClaim("application_id"));
    assertEquals(clientId, jwt.getJWTClaimsSet().getSubject());
    assertNotNull(jwt.getJWTClaimsSet().getJWTID());
    assertFalse(jwt.getJWTClaimsSet().getAudience().isEmpty());

    // password grant, with the client authenticated by HTTP Basic.
    Http basicClient = new BasicClient(clientId, secret).http();
    Http.Reply pw =
        basicClient.form(
            "/store/oauth2/token",
            params("grant_type", "password", "username", dev, "password", Fixtures.PASSWORD));
    assertEquals(200, pw.status(), pw.toString());
    String refresh = pw.json().getString("refresh_token");
    assertEquals(
        dev, SignedJWT.parse(pw.json().getString("access_token")).getJWTClaimsSet().getSubject());

    // refresh_token grant rotates the refresh token: the old one no longer works.
    Http.Reply refreshed =
        basicClient.form(
            "/store/oauth2/token", params("grant_type", "refresh_token", "refresh_token", refresh));
    assertEquals(200, refreshed.status(), refreshed.toString());
    assertNotEquals(refresh, refreshed.json().getString("refresh_token"));
    Http.Reply reused =
        basicClient.form(
            "/store/oauth2/token", params("grant_type", "refresh_token", "refresh_token", refresh));
    assertEquals(400, reused.status());
    assertEquals("invalid_grant", reused.json().getString("error"));

    // Introspect, revoke, introspect again.
    String access = refreshed.json().getString("access_token");
    JsonObject active =
        basicClient.form("/store/oauth2/introspect", params("token", access)).json();
    assertTrue(active.getBoolean("active"));
    assertEquals(clientId, active.getString("client_id"));
    assertEquals(dev, active.getString("username"));
    assertEquals(200, basicClient.form("/store/oauth2/revoke", params("token", access)).status());
    JsonObject inactive =
        basicClient.form("/store/oauth2/introspect", params("token", access)).json();
    assertFalse(inactive.getBoolean("active"));
    assertEquals(1, inactive.size(), "an inactive token reveals nothing else");

    // A refresh token can be revoked too.
    String refresh2 = refreshed.json().getString("refresh_token");
    assertTrue(
        basicClient
            .form("/store/oauth2/introspect", params("token", refresh2))
            .json()
            .getBoolean("active"));
    basicClient.form("/store/oauth2/revoke", params("token", refresh2));
    assertFalse(
        basicClient
            .form("/store/oauth2/introspect", params("token", refresh2))
            .json()
            .getBoolean("active"));

    // Unsubscribing ends the subscription but keeps its history.
    String subscriptionId = subscribed.json().getString("id");
    Http.Reply ended =
        developer.delete(
            "/store/api/v1/applications/" + appId + "/subscriptions/" + subscriptionId);
    assertEquals("UNSUBSCRIBED", ended.json().getString("state"));
  }

  /** An OAuth client that authenticates with HTTP Basic (RFC 6749 §2.3.1). */
  private record BasicClient(String id, String secret) {
    Http http() {
      return Http.as(id, secret);
    }
  }

  @Test
  void regeneratingTheSecretLocksOutTheOldOne() {
    String dev = Fixtures.signUp();
    Http developer = Http.as(dev, Fixtures.PASSWORD);
    String appId = Fixtures.application(developer);
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    JsonObject regenerated =
        developer.post("/store/api/v1/applications/" + appId + "/keys/secret").json();
    assertEquals(keys.getString("consumerKey"), regenerated.getString("consumerKey"));
    Http old = Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"));
    Http fresh = Http.as(keys.getString("consumerKey"), regenerated.getString("consumerSecret"));
    assertEquals(
        401, old.form("/store/oauth2/token", params("grant_type", "client_credentials")).status());
    assertEquals(
        200,
        fresh.form("/store/oauth2/token", params("grant_type", "client_credentials")).status());
  }

  @Test
  void rotatedKeysKeepOlderTokensVerifiable() throws Exception {
    String dev = Fixtures.signUp();
    Http developer = Http.as(dev, Fixtures.PASSWORD);
    String appId = Fixtures.application(developer);
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    Http client = Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"));
    String before =
        client
            .form("/store/oauth2/token", params("grant_type", "client_credentials"))
            .json()
            .getString("access_token");

    Http.Reply rotated = Http.admin().post("/publisher/api/v1/signing-keys/rotate");
    assertEquals(200, rotated.status(), rotated.toString());
    String newKid = rotated.json().getString("kid");

    String after =
        client
            .form("/store/oauth2/token", params("grant_type", "client_credentials"))
            .json()
            .getString("access_token");
    assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID());
    JWKSet jwks = JWKSet.parse(Http.anonymous().get("/store/oauth2/jwks").body());
    assertNotNull(jwks.getKeyByKeyId(SignedJWT.parse(before).getHeader().getKeyID()));
    assertNotNull(jwks.getKeyByKeyId(newKid));
    assertTrue(
        client
            .form("/store/oauth2/introspect", params("token", before))
            .json()
            .getBoolean("active"));
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void anApiKeepsSeveralBackendUrlsAndItsCorsPolicyUntilAnEditDropsThem() {
    Http publisher = Fixtures.publisher();
    String context = "/" + Fixtures.unique("pool");
    String pooled =
        """
        {"name":"Pool","context":"%s","version":"1.0",
         "operations":[{"method":"GET","uriTemplate":"/menu","authRequired":false},
                       {"method":"POST","uriTemplate":"/orders"}],
         "endpoints":{"production":{"urls":["http://127.0.0.1:9000","http://127.0.0.1:9001"],
                                    "timeoutMillis":5000},
                      "datacenters":{"dc-ro":{"urls":["http://127.0.0.1:9100",
                                                      "http://127.0.0.1:9101"]}}},
         "cors":{"allowOrigins":["https://App.Example.com:443","http://localhost:3000"],
                 "allowHeaders":["Authorization","Content-Type"],
                 "exposeHeaders":["X-Request-Id"],"allowCredentials":true,"maxAgeSeconds":120}}
        """
            .formatted(context);
    Http.Reply created = publisher.post("/publisher/api/v1/apis", pooled);
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");

    JsonObject api = publisher.get("/publisher/api/v1/apis/" + id).json();
    JsonObject production = api.getJsonObject("endpoints").getJsonObject("production");
    assertEquals(
        List.of("http://127.0.0.1:9000", "http://127.0.0.1:9001"), strings(production, "urls"));
    assertEquals("http://127.0.0.1:9000", production.getString("url"), "url is the first of urls");
    JsonObject ro =
        api.getJsonObject("endpoints").getJsonObject("datacenters").getJsonObject("dc-ro");
    assertEquals(List.of("http://127.0.0.1:9100", "http://127.0.0.1:9101"), strings(ro, "urls"));
    JsonObject cors = api.getJsonObject("cors");
    assertEquals(
        List.of("http://localhost:3000", "https://app.example.com"), strings(cors, "allowOrigins"));
    assertEquals(List.of("GET", "POST"), strings(cors, "allowMethods"), "the operations' methods");
    assertEquals(List.of("authorization", "content-type"), strings(cors, "allowHeaders"));
    assertEquals(List.of("x-request-id"), strings(cors, "exposeHeaders"));
    assertTrue(cors.getBoolean("allowCredentials"));
    assertEquals(120, cors.getInt("maxAgeSeconds"));

    // Publishing freezes both into the revision that gateways receive.
    Http.Reply published =
        publisher.post("/publisher/api/v1/apis/" + id + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, published.status(), published.toString());
    JsonObject definition =
        publisher
            .get("/publisher/api/v1/apis/" + id + "/revisions/1")
            .json()
            .getJsonObject("definition");
    assertEquals(
        List.of("http://127.0.0.1:9000", "http://127.0.0.1:9001"),
        strings(definition.getJsonObject("defaultEndpoint"), "urls"));
    assertEquals(
        cors.getJsonArray("allowOrigins"),
        definition.getJsonObject("cors").getJsonArray("allowOrigins"));

    // The store shows neither backend.
    assertFalse(
        Http.anonymous().get("/store/api/v1/apis/" + id).body().contains("127.0.0.1:900"),
        "the store must not reveal backends");

    // A replacement without cors removes it; a single url is a one-element list.
    String plain =
        (pooled.substring(0, pooled.indexOf(",\n \"cors\"")) + "}")
            .replace(
                "{\"urls\":[\"http://127.0.0.1:9000\",\"http://127.0.0.1:9001\"],",
                "{\"url\":\"http://127.0.0.1:9000\",");
    Http.Reply edited = publisher.put("/publisher/api/v1/apis/" + id, plain);
    assertEquals(200, edited.status(), edited.toString() + " for " + plain);
    assertFalse(edited.json().containsKey("cors"), edited.toString());
    assertEquals(
        List.of("http://127.0.0.1:9000"),
        strings(edited.json().getJsonObject("endpoints").getJsonObject("production"), "urls"));
    assertTrue(edited.json().getBoolean("unpublishedChanges"));
  }

  @Test
  void anAdministratorsPolicyIsUsedAtEveryLevelAndDeletedOnceNothingUsesIt() {
    Http admin = Http.admin();
    String name = Fixtures.unique("Partner");
    Http.Reply created =
        admin.post(
            "/publisher/api/v1/tiers",
            """
            {"name":"%s","requestCount":100,"unitSeconds":60,"burstPerSecond":10,
             "bandwidthBytes":1048576,"bandwidthUnitSeconds":60,"globalQuota":true,
             "description":"Partners"}
            """
                .formatted(name));
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Location").endsWith("/publisher/api/v1/tiers/" + name));
    JsonObject policy = created.json();
    assertEquals(100, policy.getInt("requestCount"));
    assertEquals(10, policy.getInt("burstPerSecond"));
    assertEquals(1048576, policy.getInt("bandwidthBytes"));
    assertTrue(policy.getBoolean("globalQuota"));

    // Publishers read it; the store lists it.
    Http publisher = Fixtures.publisher();
    assertEquals(
        "Partners",
        publisher.get("/publisher/api/v1/tiers/" + name).json().getString("description"));
    assertTrue(Http.anonymous().get("/store/api/v1/tiers").body().contains("\"" + name + "\""));

    // An edit replaces everything but the name.
    Http.Reply edited =
        admin.put("/publisher/api/v1/tiers/" + name, "{\"requestCount\":200,\"unitSeconds\":60}");
    assertEquals(200, edited.status(), edited.toString());
    assertEquals(200, edited.json().getInt("requestCount"));
    assertFalse(edited.json().containsKey("burstPerSecond"), edited.toString());
    assertFalse(edited.json().getBoolean("globalQuota"));

    // An API at the policy, one of its operations too; publishing freezes the API's tier.
    String context = "/" + Fixtures.unique("tiered");
    String apiJson =
        Fixtures.apiJson(context, "tiered")
            .replace(
                "\"visibility\":\"PUBLIC\",",
                "\"visibility\":\"PUBLIC\",\"tier\":\"" + name + "\",")
            .replace("\"Silver\"", "\"" + name + "\"");
    Http.Reply api = publisher.post("/publisher/api/v1/apis", apiJson);
    assertEquals(201, api.status(), api.toString());
    assertEquals(name, api.json().getString("tier"));
    String apiId = api.json().getString("id");
    publisher.post("/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    JsonObject definition =
        publisher
            .get("/publisher/api/v1/apis/" + apiId + "/revisions/1")
            .json()
            .getJsonObject("definition");
    assertEquals(name, definition.getString("tier"));
    assertEquals(
        name, Http.anonymous().get("/store/api/v1/apis/" + apiId).json().getString("tier"));

    // An application at the policy, subscribed at it.
    String dev = Fixtures.signUp();
    Http developer = Http.as(dev, Fixtures.PASSWORD);
    String appName = Fixtures.unique("app");
    Http.Reply app =
        developer.post(
            "/store/api/v1/applications",
            "{\"name\":\"" + appName + "\",\"tier\":\"" + name + "\"}");
    assertEquals(201, app.status(), app.toString());
    assertEquals(name, app.json().getString("tier"));
    String appId = app.json().getString("id");
    assertEquals(
        name, developer.get("/store/api/v1/applications/" + appId).json().getString("tier"));
    Http.Reply subscribed =
        developer.post(
            "/store/api/v1/applications/" + appId + "/subscriptions",
            "{\"apiId\":\"" + apiId + "\",\"tier\":\"" + name + "\"}");
    assertEquals(201, subscribed.status(), subscribed.toString());

    // Deleting it is refused while anything uses it, level by level.
    String policyPath = "/publisher/api/v1/tiers/" + name;
    assertInUse(admin.delete(policyPath));
    developer.delete(
        "/store/api/v1/applications/"
            + appId
            + "/subscriptions/"
            + subscribed.json().getString("id"));
    assertInUse(admin.delete(policyPath));
    Http.Reply renamed =
        developer.put("/store/api/v1/applications/" + appId, "{\"name\":\"" + appName + "\"}");
    assertEquals("Unlimited", renamed.json().getString("tier"), "a PUT without tier is Unlimited");
    assertInUse(admin.delete(policyPath));
    Http.Reply apiEdited =
        publisher.put(
            "/publisher/api/v1/apis/" + apiId, apiJson.replace(",\"tier\":\"" + name + "\",", ","));
    assertEquals(200, apiEdited.status(), apiEdited.toString());
    assertEquals("Unlimited", apiEdited.json().getString("tier"));
    assertInUse(admin.delete(policyPath)); // the POST /orders operation still uses it
    assertEquals(
        200,
        publisher
            .put("/publisher/api/v1/apis/" + apiId, Fixtures.apiJson(context, "tiered"))
            .status());
    // The revision gateways serve still names it, until the API is published again.
    assertInUse(admin.delete(policyPath));
    assertEquals(
        200,
        publisher
            .post("/publisher/api/v1/apis/" + apiId + "/lifecycle", "{\"state\":\"PUBLISHED\"}")
            .status());

    Http.Reply deleted = admin.delete(policyPath);
    assertEquals(204, deleted.status(), deleted.toString());
    assertEquals(404, admin.get(policyPath).status());
    assertFalse(Http.anonymous().get("/store/api/v1/tiers").body().contains("\"" + name + "\""));
  }

  private static void assertInUse(Http.Reply r) {
    assertEquals(409, r.status(), r.toString());
    assertEquals("tier_in_use", r.json().getString("code"));
  }
}
