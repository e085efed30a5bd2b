package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/** Users, APIs and applications the system tests create through the public APIs. */
final class Fixtures {

  static final String PASSWORD = "correct-horse-battery";

  private Fixtures() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An administrator creates a publisher; returns a client signed in as that publisher. */
  static Http publisher() {
    String name = unique("pub");
    Http.Reply r =
        Http.admin()
            .post(
                "/publisher/api/v1/users",
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"roles\":[\"publisher\"]}");
    assertEquals(201, r.status(), r.toString());
    return Http.as(name, PASSWORD);
  }

  /** A developer signs up in the store; returns their name. */
  static String signUp() {
    return signUp(Http.BASE);
  }

  /** A developer signs up in the store of the control plane at {@code base}; returns their name. */
  static String signUp(String base) {
    String name = unique("dev");
    Http.Reply r =
        Http.anonymous()
            .at(base)
            .post(
                "/store/api/v1/signup",
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"email\":\""
                    + name
                    + "@example.org\"}");
    assertEquals(201, r.status(), r.toString());
    return name;
  }

  static String apiJson(String context, String description) {
    return """
        {"name":"Pizza","context":"%s","version":"1.0","description":"%s","tags":["food"],
         "visibility":"PUBLIC",
         "operations":[
           {"method":"GET","uriTemplate":"/menu","authRequired":false,"tier":"Unlimited"},
           {"method":"GET","uriTemplate":"/orders/{id}","scopes":["orders:read"],"tier":"Gold"},
           {"method":"POST","uriTemplate":"/orders","scopes":["orders:write"],"tier":"Silver"}],
         "endpoints":{"production":{"url":"http://127.0.0.1:9000","timeoutMillis":5000},
                      "datacenters":{"dc-ro":{"url":"http://127.0.0.1:9100"}}}}
        """
        .formatted(context, description);
  }

  /** Creates and publishes an API; returns its id. */
  static String publishedApi(Http publisher) {
    return publish(publisher, apiJson("/" + unique("pizza"), "Orders pizza"));
  }

  /** Creates and publishes the API {@code body} describes; returns its id. */
  static String publish(Http publisher, String body) {
    Http.Reply created = publisher.post("/publisher/api/v1/apis", body);
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    Http.Reply published =
        publisher.post("/publisher/api/v1/apis/" + id + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, published.status(), published.toString());
    return id;
  }

  static String application(Http developer) {
    Http.Reply r =
        developer.post("/store/api/v1/applications", "{\"name\":\"" + unique("app") + "\"}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("id");
  }
}
