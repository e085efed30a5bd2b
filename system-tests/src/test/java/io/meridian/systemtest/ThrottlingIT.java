package io.meridian.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Throttling on the two-DC topology: a limit shared by the gateways of one datacenter (Payara
 * Micro's data grid), a policy edited on the master taking effect in the read-only DC, and a global
 * quota held across both datacenters, also while the WAN is cut.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingIT {

  private static Backend backend;
  private static Http admin;

  /**
   * The read-only DC runs two gateway nodes for the whole class: a node stopped in between would be
   * held as cut off for the member grace period, its share of every limit withheld (by design).
   */
  @BeforeAll
  static void setUp() throws Exception {
    backend = new Backend(Topology.HOST_ADDRESS);
    admin = Http.admin().at(Topology.MASTER);
    Topology.run("gateway", "start", "gw-r2");
  }

  @AfterAll
  static void tearDown() {
    try {
      Topology.run("gateway", "stop", "gw-r2");
    } finally {
      backend.close();
    }
  }

  @AfterEach
  void heal() {
    Topology.heal();
  }

  private static String policy(long requests, int unitSeconds, boolean global) {
    String name = Fixtures.unique("tier");
    Http.Reply r =
        admin.post(
            "/publisher/api/v1/tiers",
            """
            {"name":"%s","requestCount":%d,"unitSeconds":%d,"globalQuota":%s,
             "description":"system test"}
            """
                .formatted(name, requests, unitSeconds, global));
    assertEquals(201, r.status(), r.toString());
    return name;
  }

  /** An API whose one open operation is limited, for all its callers together, by {@code tier}. */
  private static String api(String tier) {
    String context = "/" + Fixtures.unique("thr");
    Http.Reply created =
        admin.post(
            "/publisher/api/v1/apis",
            """
            {"name":"Throttled","context":"%s","version":"1.0","tier":"%s",
             "operations":[{"method":"GET","uriTemplate":"/public","authRequired":false}],
             "endpoints":{"production":{"url":"%s","timeoutMillis":5000}}}
            """
                .formatted(context, tier, backend.url()));
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    assertEquals(
        200,
        admin
            .post("/publisher/api/v1/apis/" + id + "/lifecycle", "{\"state\":\"PUBLISHED\"}")
            .status());
    return context + "/1.0/public";
  }

  /** What a gateway answered, counted: by status, and the last RateLimit-Limit it advertised. */
  private static final class Tally {
    final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    volatile long advertisedLimit = -1;
    volatile String refusal;

    long count(int status) {
      AtomicLong n = byStatus.get(status);
      return n == null ? 0 : n.get();
    }

    void add(HttpResponse<String> r) {
      byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
      r.headers().firstValue("RateLimit-Limit").ifPresent(v -> advertisedLimit = Long.parseLong(v));
      if (r.statusCode() == 429) {
        refusal = r.body() + " Retry-After=" + r.headers().firstValue("Retry-After").orElse("");
      }
    }
  }

  /** Calls each URL from two threads as fast as it answers, for {@code millis}. */
  private static List<Tally> hammer(long millis, String... urls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(urls.length * 2);
    List<Tally> tallies = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    long deadline = System.currentTimeMillis() + millis;
    for (String url : urls) {
      Tally t = new Tally();
      tallies.add(t);
      for (int i = 0; i < 2; i++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.currentTimeMillis() < deadline) {
                    t.add(GatewayClient.send("GET", url, null));
                  }
                }));
      }
    }
    for (Future<?> f : running) {
      f.get(millis + 30_000, TimeUnit.MILLISECONDS);
    }
    pool.shutdown();
    return tallies;
  }

  private static void awaitServed(String url) {
    Await.response(() -> GatewayClient.send("GET", url, null), r -> r.statusCode() == 204, 20_000);
  }

  @Test
  void twoGatewaysOfADatacenterTogetherAdmitTheLimitOnce() throws Exception {
    String path = api(policy(100, 30, false));
    String r1 = Topology.REPLICA_GATEWAY + path;
    String r2 = Topology.REPLICA_GATEWAY.replace(":8280", ":8281") + path;
    awaitServed(r1);
    awaitServed(r2);
    List<Tally> t = hammer(6_000, r1, r2);
    long admitted = 2 + t.get(0).count(204) + t.get(1).count(204);
    // Documented bound: the limit, plus a tenth of each node's share for a key a node has
    // only just started counting.
    assertTrue(admitted <= 110, "admitted " + admitted + " of 100: " + t.get(0).byStatus);
    assertTrue(admitted >= 90, "the limit is used: " + admitted);
    assertTrue(t.get(0).count(204) > 10 && t.get(1).count(204) > 10, "both nodes admitted");
    String refusal = t.get(0).refusal != null ? t.get(0).refusal : t.get(1).refusal;
    assertTrue(refusal.contains("\"code\":\"throttled_api\""), refusal);
    assertTrue(refusal.matches("(?s).*Retry-After=\\d+$"), refusal);
  }

  /** Last: it stops gw-r2. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aNodeStoppedOnPurposeLeavesItsCountsButNotItsShareBehind() throws Exception {
    String path = api(policy(100, 30, false));
    String r1 = Topology.REPLICA_GATEWAY + path;
    String r2 = Topology.REPLICA_GATEWAY.replace(":8280", ":8281") + path;
    awaitServed(r1);
    awaitServed(r2);
    List<Tally> both = hammer(3_000, r1, r2);
    Topology.run("gateway", "stop", "gw-r2");
    List<Tally> after = hammer(3_000, r1); // still the same 30 s window
    long admitted = 2 + both.get(0).count(204) + both.get(1).count(204) + after.get(0).count(204);
    assertTrue(
        admitted <= 110,
        "what gw-r2 admitted still counts after it left: "
            + admitted
            + " ("
            + both.get(1).byStatus
            + " on gw-r2, then "
            + after.get(0).byStatus
            + ")");

    String fresh = Topology.REPLICA_GATEWAY + api(policy(100, 30, false));
    awaitServed(fresh);
    List<Tally> alone = hammer(6_000, fresh);
    long alone204 = 1 + alone.get(0).count(204);
    // A node cut off would leave gw-r1 only its half (50) for the member grace period.
    assertTrue(alone204 >= 90, "gw-r1 alone admits the whole limit: " + alone.get(0).byStatus);
    assertTrue(alone204 <= 110, "admitted " + alone204 + " of 100: " + alone.get(0).byStatus);
  }

  @Test
  void aPolicyEditedOnTheMasterTakesEffectInTheReadOnlyDatacenter() throws Exception {
    String tier = policy(5, 60, false);
    String url = Topology.REPLICA_GATEWAY + api(tier);
    awaitServed(url);
    Await.response(() -> GatewayClient.send("GET", url, null), r -> r.statusCode() == 429, 10_000);
    Http.Reply edited =
        admin.put(
            "/publisher/api/v1/tiers/" + tier,
            """
            {"requestCount":100000,"unitSeconds":60,"globalQuota":false,"description":"raised"}
            """);
    assertEquals(200, edited.status(), edited.toString());
    Await.response(() -> GatewayClient.send("GET", url, null), r -> r.statusCode() == 204, 15_000);
  }

  @Test
  void aGlobalQuotaHoldsAcrossBothDatacentersAndNeitherExceedsItsShareWhenCutOff()
      throws Exception {
    String path = api(policy(200, 10, true));
    String master = Topology.MASTER_GATEWAY + path;
    String replica = Topology.REPLICA_GATEWAY + path;
    awaitServed(master);
    awaitServed(replica);
    List<Tally> together = hammer(8_000, master, replica);
    long admitted = 2 + together.get(0).count(204) + together.get(1).count(204);
    String byDc =
        "master DC " + together.get(0).byStatus + ", read-only DC " + together.get(1).byStatus;
    assertTrue(
        admitted <= 220, "admitted " + admitted + " of 200 across both datacenters: " + byDc);
    assertTrue(admitted >= 180, "the quota is used: " + admitted + ": " + byDc);

    Topology.partition();
    Thread.sleep(11_000); // a whole window later: only what each DC holds now counts
    List<Tally> cut = hammer(8_000, master, replica);
    for (Tally t : cut) {
      assertTrue(t.advertisedLimit > 0, "each DC advertises its share: " + t.byStatus);
      assertTrue(
          t.count(204) <= t.advertisedLimit + 1,
          "a DC cut off admits at most its share: " + t.count(204) + " > " + t.advertisedLimit);
    }
    assertTrue(
        cut.get(0).count(204) + cut.get(1).count(204) <= 200,
        "the shares add up to the quota at most");
  }
}
