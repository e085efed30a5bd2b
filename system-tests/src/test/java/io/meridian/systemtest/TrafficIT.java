package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traffic per API and datacenter on the two-DC topology (scripts/dc.sh): calls through the
 * read-only DC's gateway reach the master's {@code /apis/{id}/traffic} over the brokers' reverse
 * bridge, counted exactly. dc.sh starts the gateways with {@code
 * meridian.gateway.traffic.ship-seconds=1}, so the figures arrive within seconds.
 */
class TrafficIT {

  private static Backend backend;
  private static Http admin;

  @BeforeAll
  static void setUp() throws Exception {
    backend = new Backend(Topology.HOST_ADDRESS);
    admin = Http.admin().at(Topology.MASTER);
  }

  @AfterAll
  static void tearDown() {
    backend.close();
  }

  @Test
  void callsThroughTheReadOnlyGatewayShowInTheMastersTrafficOfThatDatacenter() {
    String context = "/" + Fixtures.unique("traffic");
    String id = publishedApi(context);
    String base = Topology.REPLICA_GATEWAY + context + "/1.0";
    // Until the read-only DC serves the API, its gateway answers 404 api_not_found, which counts
    // for no API; the call that gets the backend's 204 is the first the API counts.
    Await.response(() -> call(base + "/public"), status(204), 10_000);
    int ok = 1;
    for (int i = 0; i < 4; i++) {
      assertEquals(204, call(base + "/public").statusCode());
      ok++;
    }
    int unauthorized = 0;
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = call(base + "/orders/1"); // no token
      assertEquals(401, r.statusCode(), r.body());
      unauthorized++;
    }
    int unknownResource = 0;
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = call(base + "/no-such-resource");
      assertEquals(404, r.statusCode(), r.body());
      unknownResource++;
    }
    long requests = ok + unauthorized + unknownResource;
    long clientErrors = unauthorized + unknownResource;

    Object[] last = new Object[1];
    Await.until(
        () -> {
          Http.Reply r = admin.get("/publisher/api/v1/apis/" + id + "/traffic?minutes=5");
          last[0] = r;
          if (r.status() != 200) {
            return false;
          }
          long[] sums = sums(r.json(), "dc-ro1");
          return sums[0] == requests && sums[1] == clientErrors && sums[2] == 0;
        },
        30_000,
        () -> String.valueOf(last[0]));

    Http.Reply shown = admin.get("/publisher/api/v1/apis/" + id + "/traffic?minutes=5");
    JsonObject body = shown.json();
    assertEquals(id, body.getString("apiId"), shown.toString());
    // Nothing was called in the master's datacenter.
    assertEquals(0, sums(body, "dc-master")[0], shown.toString());
    assertEquals(requests, sums(body, "dc-ro1")[0], shown.toString());
  }

  @Test
  void refusesAWindowOutsideADayAndAnUnknownApi() {
    String id = publishedApi("/" + Fixtures.unique("traffic"));
    Http.Reply tooLong = admin.get("/publisher/api/v1/apis/" + id + "/traffic?minutes=1441");
    assertEquals(400, tooLong.status(), tooLong.toString());
    assertEquals("invalid_minutes", tooLong.json().getString("code"));
    Http.Reply none = admin.get("/publisher/api/v1/apis/" + id + "/traffic?minutes=0");
    assertEquals(400, none.status(), none.toString());
    Http.Reply unknown = admin.get("/publisher/api/v1/apis/no-such-api/traffic");
    assertEquals(404, unknown.status(), unknown.toString());
  }

  /** Requests, client errors and server errors of one datacenter, summed over its minutes. */
  private static long[] sums(JsonObject traffic, String datacenter) {
    long[] sums = new long[3];
    traffic.getJsonArray("datacenters").stream()
        .map(JsonObject.class::cast)
        .filter(dc -> dc.getString("datacenter").equals(datacenter))
        .flatMap(dc -> dc.getJsonArray("minutes").stream().map(JsonObject.class::cast))
        .forEach(
            m -> {
              sums[0] += m.getJsonNumber("requests").longValue();
              sums[1] += m.getJsonNumber("clientErrors").longValue();
              sums[2] += m.getJsonNumber("serverErrors").longValue();
            });
    return sums;
  }

  /** An API with an open resource ({@code /public}) and one that needs a token. */
  private static String publishedApi(String context) {
    String body =
        """
        {"name":"Traffic","context":"%s","version":"1.0","operations":[
          {"method":"GET","uriTemplate":"/public","authRequired":false},
          {"method":"GET","uriTemplate":"/orders/{id}","tier":"Unlimited"}],
         "endpoints":{"production":{"url":"%s","timeoutMillis":5000}}}
        """
            .formatted(context, backend.url());
    return Fixtures.publish(admin, body);
  }

  private static HttpResponse<String> call(String url) {
    return GatewayClient.send("GET", url, null);
  }

  private static Predicate<HttpResponse<String>> status(int code) {
    return r -> r.statusCode() == code;
  }
}
