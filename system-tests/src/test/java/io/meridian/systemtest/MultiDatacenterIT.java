package io.meridian.systemtest;

import static io.meridian.systemtest.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real datacenters (scripts/dc.sh): the master (PostgreSQL primary, Artemis, nginx, Payara
 * Server, a gateway) and a read-only one (hot standby, Artemis, a gateway on Payara Micro), each in
 * its own network namespace, joined by a 20 ms-each-way WAN link that the tests cut and heal.
 */
class MultiDatacenterIT {

  private static Backend backend;
  private static Http admin;
  private static Http developer;
  private static Http oauthClient;
  private static String appId;

  @BeforeAll
  static void setUp() throws Exception {
    backend = new Backend(Topology.HOST_ADDRESS);
    admin = Http.admin().at(Topology.MASTER);
    developer = Http.as(Fixtures.signUp(Topology.MASTER), Fixtures.PASSWORD).at(Topology.MASTER);
    Http.Reply app =
        developer.post(
            "/store/api/v1/applications", "{\"name\":\"" + Fixtures.unique("app") + "\"}");
    assertEquals(201, app.status(), app.toString());
    appId = app.json().getString("id");
    JsonObject keys = developer.post("/store/api/v1/applications/" + appId + "/keys").json();
    oauthClient =
        Http.as(keys.getString("consumerKey"), keys.getString("consumerSecret"))
            .at(Topology.MASTER);
  }

  @AfterAll
  static void tearDown() {
    backend.close();
  }

  @AfterEach
  void healEverything() {
    Topology.heal();
    Topology.run("replay", "resume");
  }

  /**
   * The ports browsers and fetch() refuse to connect to (the Fetch standard's "bad ports"): the
   * publisher and store are used in a browser, so nothing Meridian runs may listen on one.
   */
  private static final Set<Integer> BAD_PORTS =
      Set.of(
          0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
          101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179,
          389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601,
          636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
          6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080);

  @Test
  void noServiceInEitherDatacenterListensOnAPortBrowsersRefuse() {
    List<String> listening = Topology.run("ports").lines().filter(l -> !l.isBlank()).toList();
    assertTrue(
        listening.stream()
            .anyMatch(l -> l.equals("mer-m " + URI.create(Topology.MASTER).getPort())),
        "the control plane's HTTP port is among the listening ones: " + listening);
    List<String> bad =
        listening.stream()
            .filter(l -> BAD_PORTS.contains(Integer.parseInt(l.substring(l.indexOf(' ') + 1))))
            .toList();
    assertEquals(List.of(), bad, "listening on ports that browsers refuse");
  }

  // 1
  @Test
  void aPublishedApiIsServedInTheReadOnlyDcAndARepublishReplacesIt() {
    String context = "/" + Fixtures.unique("mdc");
    String id = create(context, "/public");
    publish(id);
    await(() -> call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null), status(204), 10_000);

    Http.Reply updated =
        admin.put("/publisher/api/v1/apis/" + id, apiJson(context, "/public", "/v2"));
    assertEquals(200, updated.status(), updated.toString());
    publish(id);
    await(
        () -> call(Topology.REPLICA_GATEWAY, context + "/1.0/v2", null), routedToBackend(), 10_000);
    assertEquals("2", syncRevision(Topology.REPLICA_GATEWAY, id));

    // ...and the read-only DC told the master so, over the reverse bridge.
    awaitAcknowledged(id, 2);
  }

  // 1b
  @Test
  void aRollbackIsANewRevisionServedAndAcknowledgedInTheReadOnlyDc() {
    String context = "/" + Fixtures.unique("rb");
    String id = create(context, "/public");
    publish(id);
    Http.Reply updated =
        admin.put("/publisher/api/v1/apis/" + id, apiJson(context, "/public", "/v2"));
    assertEquals(200, updated.status(), updated.toString());
    publish(id);
    await(
        () -> call(Topology.REPLICA_GATEWAY, context + "/1.0/v2", null), routedToBackend(), 10_000);

    Http.Reply rolledBack = admin.post("/publisher/api/v1/apis/" + id + "/revisions/1/rollback");
    assertEquals(200, rolledBack.status(), rolledBack.toString());
    assertEquals(3, rolledBack.json().getInt("latestRevision"), rolledBack.toString());
    // Revision 1's definition, as revision 3: /v2 is gone again in the read-only DC (the gateway's
    // own 404, not the backend's).
    await(
        () -> call(Topology.REPLICA_GATEWAY, context + "/1.0/v2", null),
        r -> r.statusCode() == 404 && r.body().contains("resource_not_found"),
        10_000);
    assertEquals(204, call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null).statusCode());
    assertEquals("3", syncRevision(Topology.REPLICA_GATEWAY, id));
    awaitAcknowledged(id, 3);
    Http.Reply again = admin.post("/publisher/api/v1/apis/" + id + "/revisions/1/rollback");
    assertEquals(409, again.status(), again.toString());
    assertEquals("revision_in_service", again.json().getString("code"));
  }

  // 2
  @Test
  void subscriptionBlockAndRevocationOnTheMasterTakeEffectInTheReadOnlyDc() {
    Served api = servedInTheReadOnlyDc("/orders/1");
    String id = api.apiId();
    String path = api.path();
    String token = api.token();
    String subscription = api.subscriptionId();

    block(id, subscription, true);
    await(() -> call(Topology.REPLICA_GATEWAY, path, token), status(403), 10_000);
    block(id, subscription, false);
    await(() -> call(Topology.REPLICA_GATEWAY, path, token), status(200), 10_000);

    assertEquals(200, oauthClient.form("/store/oauth2/revoke", params("token", token)).status());
    await(() -> call(Topology.REPLICA_GATEWAY, path, token), status(401), 10_000);
  }

  // 3
  @Test
  void aThirtySecondPartitionFailsNoRequestAndLosesNoPublication() throws Exception {
    Served api = servedInTheReadOnlyDc("/orders/2");
    String path = api.path();
    String token = api.token();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService load = Executors.newFixedThreadPool(2);
    Future<?>[] loops = new Future<?>[2];
    for (int i = 0; i < loops.length; i++) {
      loops[i] =
          load.submit(
              () -> {
                while (running.get()) {
                  try {
                    if (call(Topology.REPLICA_GATEWAY, path, token).statusCode() == 200) {
                      ok.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                    }
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                  }
                }
              });
    }
    String lateContext = "/" + Fixtures.unique("late");
    long partitionedAt = System.nanoTime();
    Topology.partition();
    try {
      // The master keeps working: an API published now must reach the read-only DC after healing.
      String late = create(lateContext, "/public");
      publish(late);
      await(
          () -> call(Topology.MASTER_GATEWAY, lateContext + "/1.0/public", null),
          status(204),
          10_000);
      long left = 30_000 - (System.nanoTime() - partitionedAt) / 1_000_000;
      Thread.sleep(Math.max(0, left));
      assertEquals(
          404, call(Topology.REPLICA_GATEWAY, lateContext + "/1.0/public", null).statusCode());
    } finally {
      Topology.heal();
      running.set(false);
      for (Future<?> f : loops) {
        f.get(30, TimeUnit.SECONDS);
      }
      load.shutdown();
    }
    assertEquals(0, failed.get(), "failed requests during the partition (ok: " + ok.get() + ")");
    assertTrue(ok.get() > 100, "the load loop ran: " + ok.get());
    await(
        () -> call(Topology.REPLICA_GATEWAY, lateContext + "/1.0/public", null),
        status(204),
        30_000);
  }

  // 4
  @Test
  void aReadOnlyGatewayRestartedDuringAPartitionServesFromItsCacheAndTheStandby() {
    Served api = servedInTheReadOnlyDc("/orders/3");
    String path = api.path();
    String token = api.token();

    Topology.partition();
    Topology.run("gateway", "stop", "gw-r1");
    Topology.run("gateway", "start", "gw-r1");
    HttpResponse<String> r = call(Topology.REPLICA_GATEWAY, path, token);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject sync = sync(Topology.REPLICA_GATEWAY);
    assertTrue(sync.getBoolean("restoredFromCache"), sync.toString());
  }

  // 5
  @Test
  void aTamperedArtifactIsRejectedAndThePreviousRevisionKeepsServing() throws IOException {
    String context = "/" + Fixtures.unique("mdc");
    String id = create(context, "/public");
    publish(id);
    await(() -> call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null), status(204), 10_000);
    long rejectedBefore =
        sync(Topology.REPLICA_GATEWAY).getJsonNumber("rejectedArtifacts").longValue();

    Topology
        .partition(); // so that the read-only DC cannot fetch revision 2 before it is tampered with
    Path file;
    byte[] original;
    try {
      assertEquals(
          200,
          admin.put("/publisher/api/v1/apis/" + id, apiJson(context, "/public", "/v2")).status());
      publish(id);
      // Publication is asynchronous (the outbox): wait for revision 2's artifact to exist.
      awaitTrue(() -> deployments(id).getInt("publishedRevision", 0) == 2, 10_000);
      String sha = deployments(id).getString("publishedSha256");
      file = Path.of(Topology.ARTIFACT_FILES, "artifacts", sha + ".json");
      original = Files.readAllBytes(file);
      String tampered = new String(original).replace("/v2", "/v3");
      Files.writeString(file, tampered);
    } finally {
      Topology.heal();
    }
    try {
      awaitTrue(
          () ->
              sync(Topology.REPLICA_GATEWAY).getJsonNumber("rejectedArtifacts").longValue()
                  > rejectedBefore,
          30_000);
      assertEquals("1", syncRevision(Topology.REPLICA_GATEWAY, id));
      assertEquals(204, call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null).statusCode());
      assertEquals(404, call(Topology.REPLICA_GATEWAY, context + "/1.0/v3", null).statusCode());
    } finally {
      Files.write(file, original); // the operator restores it: reconciliation then activates it
    }
    awaitTrue(() -> "2".equals(syncRevision(Topology.REPLICA_GATEWAY, id)), 30_000);
  }

  // 6
  @Test
  void servingInTheReadOnlyDcSendsNothingToTheMaster() {
    Served api = servedInTheReadOnlyDc("/orders/4");
    String path = api.path();
    String token = api.token();

    int requests = 2_000;
    Map<String, Long> before = Topology.counters();
    for (int i = 0; i < requests; i++) {
      assertEquals(200, call(Topology.REPLICA_GATEWAY, path, token).statusCode());
    }
    Map<String, Long> after = Topology.counters();
    long packets = after.get("replica_to_master") - before.get("replica_to_master");
    long connections = after.get("replica_to_master_new") - before.get("replica_to_master_new");
    long other = after.get("replica_to_master_other") - before.get("replica_to_master_other");
    // Only the background flows may cross, on their own schedules: WAL streaming (the standby's
    // feedback to :5432), the brokers' bridges (:61616) and the sync bean's reconciliation reads
    // of the artifact server (:8088, not counted as "new" or "other"). A request-path dependency
    // would open a connection, use another port, or at least add a packet per request.
    assertEquals(0, connections, "new connections from the read-only DC to the master");
    assertEquals(0, other, "packets to the master outside replication and the broker bridges");
    assertTrue(
        packets < requests / 4, packets + " packets to the master for " + requests + " requests");
  }

  // 7
  @Test
  void activationWaitsUntilTheReplicaHasReplayedThePublication() throws Exception {
    Topology.run("replay", "pause");
    String context = "/" + Fixtures.unique("mdc");
    String id = create(context, "/public");
    publish(id);
    // The master DC serves it, so the artifact and the announcement are out...
    await(() -> call(Topology.MASTER_GATEWAY, context + "/1.0/public", null), status(204), 10_000);
    // ...but the read-only DC's replica has not replayed the publication: no activation.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < until) {
      assertEquals(404, call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null).statusCode());
      Thread.sleep(100);
    }
    // Once the announcement's replica wait (replica-wait-millis) runs out, the node says why.
    awaitTrue(
        () -> sync(Topology.REPLICA_GATEWAY).getString("lastError", "").contains("replica"),
        10_000);
    assertEquals(404, call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null).statusCode());
    Topology.run("replay", "resume");
    await(() -> call(Topology.REPLICA_GATEWAY, context + "/1.0/public", null), status(204), 10_000);
  }

  // 8
  @Test
  void underPausedReplayAFailClosedApiAnswers503AndAFailOpenOneKeepsServing() throws Exception {
    String strictContext = "/" + Fixtures.unique("strict");
    String strict =
        create(
            apiJson(strictContext, "/orders/{id}")
                .replace(
                    "\"operations\"",
                    "\"staleness\":{\"maxLagSeconds\":2,\"whenStale\":\"reject\"},\"operations\""));
    String lenient = create("/" + Fixtures.unique("lenient"), "/orders/{id}");
    JsonObject view = admin.get("/publisher/api/v1/apis/" + strict).json();
    assertEquals("reject", view.getJsonObject("staleness").getString("whenStale"), view.toString());
    publish(strict);
    publish(lenient);
    subscribe(strict);
    subscribe(lenient);
    String token = token();
    String strictPath = strictContext + "/1.0/orders/1";
    String lenientPath =
        admin.get("/publisher/api/v1/apis/" + lenient).json().getString("context")
            + "/1.0/orders/1";
    await(() -> call(Topology.REPLICA_GATEWAY, strictPath, token), status(200), 10_000);
    await(() -> call(Topology.REPLICA_GATEWAY, lenientPath, token), status(200), 10_000);
    HttpResponse<String> served = call(Topology.REPLICA_GATEWAY, lenientPath, token);
    assertEquals(200, served.statusCode(), served.body());
    assertEquals("dc-ro1", served.headers().firstValue("Meridian-Datacenter").orElse(null));
    assertEquals("1", served.headers().firstValue("Meridian-Api-Revision").orElse(null));

    Topology.run("replay", "pause");
    assertEquals(200, oauthClient.form("/store/oauth2/revoke", params("token", token)).status());
    // The master refuses the token at once; the read-only DC cannot know before it replays.
    await(() -> call(Topology.MASTER_GATEWAY, strictPath, token), status(401), 10_000);
    await(() -> call(Topology.REPLICA_GATEWAY, strictPath, token), status(503), 10_000);
    HttpResponse<String> refused = call(Topology.REPLICA_GATEWAY, strictPath, token);
    assertEquals(503, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"code\":\"replica_stale\""), refused.body());
    assertEquals("2", refused.headers().firstValue("Retry-After").orElse(null));
    HttpResponse<String> open = call(Topology.REPLICA_GATEWAY, lenientPath, token);
    assertEquals(
        200, open.statusCode(), "fail open: served from what the replica has, revoked or not");

    Topology.run("replay", "resume");
    await(() -> call(Topology.REPLICA_GATEWAY, strictPath, token), status(401), 10_000);
    await(() -> call(Topology.REPLICA_GATEWAY, lenientPath, token), status(401), 10_000);
  }

  // ---- helpers ----

  /** An API the test application is subscribed to, and a token the read-only gateway accepts. */
  private record Served(String apiId, String subscriptionId, String path, String token) {}

  private static Served servedInTheReadOnlyDc(String resource) {
    String context = "/" + Fixtures.unique("mdc");
    String id = create(context, "/orders/{id}");
    publish(id);
    String subscription = subscribe(id);
    String token = token();
    String path = context + "/1.0" + resource;
    await(() -> call(Topology.REPLICA_GATEWAY, path, token), status(200), 10_000);
    return new Served(id, subscription, path, token);
  }

  private static String apiJson(String context, String... paths) {
    StringBuilder ops = new StringBuilder();
    for (String p : paths) {
      if (ops.length() > 0) {
        ops.append(',');
      }
      boolean open = !p.startsWith("/orders");
      ops.append(
          "{\"method\":\"GET\",\"uriTemplate\":\""
              + p
              + "\",\"authRequired\":"
              + !open
              + (open ? "" : ",\"tier\":\"Unlimited\"")
              + "}");
    }
    return """
        {"name":"Multi-DC","context":"%s","version":"1.0","operations":[%s],
         "endpoints":{"production":{"url":"%s","timeoutMillis":5000}}}
        """
        .formatted(context, ops, backend.url());
  }

  private static String create(String context, String... paths) {
    return create(apiJson(context, paths));
  }

  private static String create(String apiJson) {
    Http.Reply created = admin.post("/publisher/api/v1/apis", apiJson);
    assertEquals(201, created.status(), created.toString());
    return created.json().getString("id");
  }

  private static void publish(String id) {
    Http.Reply r =
        admin.post("/publisher/api/v1/apis/" + id + "/lifecycle", "{\"state\":\"PUBLISHED\"}");
    assertEquals(200, r.status(), r.toString());
  }

  private static String subscribe(String apiId) {
    Http.Reply r =
        developer.post(
            "/store/api/v1/applications/" + appId + "/subscriptions",
            "{\"apiId\":\"" + apiId + "\",\"tier\":\"Unlimited\"}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("id");
  }

  private static void block(String apiId, String subscriptionId, boolean block) {
    Http.Reply r =
        admin.post(
            "/publisher/api/v1/apis/"
                + apiId
                + "/subscriptions/"
                + subscriptionId
                + (block ? "/block" : "/unblock"));
    assertEquals(200, r.status(), r.toString());
  }

  private static String token() {
    Http.Reply r =
        oauthClient.form("/store/oauth2/token", params("grant_type", "client_credentials"));
    assertEquals(200, r.status(), r.toString());
    return r.json().getString("access_token");
  }

  private static JsonObject deployments(String apiId) {
    return admin.get("/publisher/api/v1/apis/" + apiId + "/deployments").json();
  }

  /** Waits until the read-only DC has acknowledged serving {@code revision} of the API. */
  private static void awaitAcknowledged(String apiId, int revision) {
    awaitTrue(
        () ->
            deployments(apiId).getJsonArray("nodes").stream()
                .map(JsonObject.class::cast)
                .anyMatch(
                    n ->
                        n.getString("datacenter").equals("dc-ro1")
                            && n.getInt("revision") == revision
                            && n.getBoolean("current")),
        10_000);
  }

  /** The gateway's /-/sync, read with its node's administration credential. */
  private static JsonObject sync(String gateway) {
    HttpResponse<String> r =
        GatewayClient.sendAuthorized(
            "GET",
            Topology.adminOf(gateway) + "/-/sync",
            Topology.nodeAdminAuthorization(Topology.nodeOf(gateway)));
    assertEquals(200, r.statusCode(), r.body());
    return (JsonObject) Http.parse(r.body());
  }

  /** The revision a gateway serves for an API, or null. */
  private static String syncRevision(String gateway, String apiId) {
    JsonObject apis = sync(gateway).getJsonObject("apis");
    return apis.containsKey(apiId) ? apis.getString(apiId).split(" ")[0] : null;
  }

  static HttpResponse<String> call(String gateway, String path, String token) {
    return GatewayClient.send("GET", gateway + path, token);
  }

  private static Predicate<HttpResponse<String>> status(int code) {
    return r -> r.statusCode() == code;
  }

  /** A 404 from the backend itself: the gateway routed the request. */
  private static Predicate<HttpResponse<String>> routedToBackend() {
    return r ->
        r.statusCode() == 404
            && !r.body().contains("api_not_found")
            && !r.body().contains("resource_not_found");
  }

  private static void await(
      Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done, long millis) {
    Await.response(call, done, millis);
  }

  private static void awaitTrue(BooleanSupplier condition, long millis) {
    Await.until(condition, millis, () -> "");
  }
}
