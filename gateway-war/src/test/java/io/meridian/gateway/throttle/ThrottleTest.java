package io.meridian.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.shared.quota.QuotaUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  private static ThrottlePolicy perMinute(long n) {
    return new ThrottlePolicy("p" + n, n, 60_000, 0, 0, 0, false);
  }

  private static List<Check> checks(Level level, String key, ThrottlePolicy p) {
    return p.limits().stream().map(l -> new Check(level, key, p, l)).toList();
  }

  private int admitted(Throttle t, List<Check> checks, int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      if (t.acquire(checks).admitted()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void neverAdmitsMoreThanTheLimitInAnyWindowAcrossItsEdges() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    List<Check> c = checks(Level.SUBSCRIPTION, "app|api", perMinute(100));
    now.set(59_900); // the end of a fixed minute: a fixed window would allow 100 more at 60_000
    assertEquals(100, admitted(t, c, 150));
    now.set(60_100);
    assertEquals(0, admitted(t, c, 10), "the next minute's start still sees the last minute");
    now.set(59_900 + 60_000 - 1);
    assertEquals(0, admitted(t, c, 10), "still within the window of the first 100");
    now.set(59_900 + 66_000);
    assertEquals(100, admitted(t, c, 150), "a window (plus at most a tenth) later, all again");
  }

  @Test
  void refusesWithTheLevelAndWhenToRetry() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    List<Check> c = checks(Level.APPLICATION, "app", perMinute(2));
    Decision first = t.acquire(c);
    assertTrue(first.admitted());
    assertEquals(2, first.limit());
    assertEquals(1, first.remaining());
    t.acquire(c);
    Decision refused = t.acquire(c);
    assertEquals(Level.APPLICATION, refused.refusedAt());
    assertEquals("throttled_application", refused.refusedAt().code());
    assertTrue(refused.resetSeconds() >= 60 && refused.resetSeconds() <= 66, "" + refused);
  }

  @Test
  void aBurstLimitCapsAnySecond() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    ThrottlePolicy p = new ThrottlePolicy("b", 1000, 60_000, 5, 0, 0, false);
    List<Check> c = checks(Level.SUBSCRIPTION, "k", p);
    Decision last = null;
    for (int i = 0; i < 6; i++) {
      last = t.acquire(c);
    }
    assertEquals(ThrottlePolicy.Measure.BURST, last.measure());
    assertFalse(last.admitted());
    now.addAndGet(1_100);
    assertEquals(5, admitted(t, c, 10));
  }

  @Test
  void theStrictestLevelDecidesAndARefusedRequestCountsNowhere() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    List<Check> both = new ArrayList<>(checks(Level.SUBSCRIPTION, "app|api", perMinute(5)));
    both.addAll(checks(Level.APPLICATION, "app", perMinute(3)));
    assertEquals(3, admitted(t, both, 5));
    Decision d = t.acquire(both);
    assertEquals(Level.APPLICATION, d.refusedAt());
    // The subscription counted only the three admitted requests: two are left on its own.
    assertEquals(2, admitted(t, checks(Level.SUBSCRIPTION, "app|api", perMinute(5)), 5));
  }

  @Test
  void aClockGoingBackOrJumpingAheadNeitherBreaksNorFreesTheCount() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    List<Check> c = checks(Level.API, "api", perMinute(10));
    assertEquals(10, admitted(t, c, 10));
    now.addAndGet(-30_000);
    assertEquals(0, admitted(t, c, 5), "going back does not forget what was counted");
    now.addAndGet(3_600_000);
    assertEquals(10, admitted(t, c, 20), "an hour later the window is empty");
  }

  @Test
  void bandwidthIsCountedAfterTheAnswerAndRefusesOnceUsedUp() {
    Throttle t = new Throttle(Peers.ALONE, new QuotaShares(1), now::get);
    ThrottlePolicy p = new ThrottlePolicy("bw", 0, 60_000, 0, 1000, 1000, false);
    List<Check> c = checks(Level.SUBSCRIPTION, "k", p);
    assertTrue(t.acquire(c).admitted());
    t.recordBytes(c, 1500);
    Decision d = t.acquire(c);
    assertEquals(ThrottlePolicy.Measure.BYTES, d.measure());
    now.addAndGet(1_200);
    assertTrue(t.acquire(c).admitted());
  }

  /** Two nodes sharing counts through an in-memory stand-in for the replicated map. */
  private static final class Cluster {
    final Map<String, long[]> map = new ConcurrentHashMap<>();
    int live = 2;
    int configured = 2;

    Peers node(int rank) {
      return new Peers() {
        @Override
        public int liveNodes() {
          return live;
        }

        @Override
        public int configuredNodes() {
          return configured;
        }

        @Override
        public int rank() {
          return rank;
        }

        @Override
        public void publish(String key, long[] snapshot, long ttlMillis) {
          map.put(key + "@" + rank, snapshot);
        }

        @Override
        public void withdraw(String key) {
          map.remove(key + "@" + rank);
        }

        @Override
        public List<long[]> others(String key) {
          List<long[]> out = new ArrayList<>();
          for (int other = 0; other < live; other++) {
            long[] s = other == rank ? null : map.get(key + "@" + other);
            if (s != null) {
              out.add(s);
            }
          }
          return out;
        }
      };
    }
  }

  @Test
  void twoNodesOfADatacenterTogetherNeverPassTheLimit() {
    Cluster cluster = new Cluster();
    Throttle a = new Throttle(cluster.node(0), new QuotaShares(1), now::get);
    Throttle b = new Throttle(cluster.node(1), new QuotaShares(1), now::get);
    List<Check> c = checks(Level.SUBSCRIPTION, "app|api", perMinute(1000));
    int total = 0;
    for (int round = 0; round < 100; round++) {
      total += admitted(a, c, 20) + admitted(b, c, 20);
      now.addAndGet(100);
      a.sync();
      b.sync();
    }
    assertTrue(total <= 1000, "admitted " + total);
    assertTrue(total >= 950, "the limit is (nearly) all used: " + total);
  }

  @Test
  void aBusyNodeGetsWhatAnIdleOneLeavesAfterAFewSynchronisations() {
    Cluster cluster = new Cluster();
    Throttle busy = new Throttle(cluster.node(0), new QuotaShares(1), now::get);
    Throttle idle = new Throttle(cluster.node(1), new QuotaShares(1), now::get);
    List<Check> c = checks(Level.API, "api", perMinute(1000));
    int total = 0;
    for (int round = 0; round < 20; round++) {
      total += admitted(busy, c, 200);
      now.addAndGet(100);
      busy.sync();
      idle.sync();
    }
    assertTrue(total >= 990 && total <= 1000, "admitted " + total);
  }

  @Test
  void anIdleNodeReservesAgainstTheCurrentShareNotTheOneItLastCounted() {
    Cluster cluster = new Cluster();
    QuotaShares sharesA = new QuotaShares(2);
    QuotaShares sharesB = new QuotaShares(2);
    Throttle a = new Throttle(cluster.node(0), sharesA, now::get);
    Throttle b = new Throttle(cluster.node(1), sharesB, now::get);
    List<Check> c = checks(Level.API, "api", new ThrottlePolicy("g", 2000, 60_000, 0, 0, 0, true));
    String key = c.get(0).counterKey();
    sharesA.grant(key, 1900);
    sharesB.grant(key, 1900);
    for (int round = 0; round < 10; round++) {
      admitted(a, c, 50);
      admitted(b, c, 100);
      now.addAndGet(100);
      a.sync();
      b.sync();
    }
    // b falls idle; a window later the master has shrunk the datacenter's share.
    for (int round = 0; round < 700; round++) {
      now.addAndGet(100);
      a.sync();
      b.sync();
    }
    sharesA.grant(key, 1000);
    sharesB.grant(key, 1000);
    int total = 0;
    for (int round = 0; round < 20; round++) {
      total += admitted(a, c, 300);
      now.addAndGet(100);
      a.sync();
      b.sync();
    }
    assertTrue(total >= 990 && total <= 1000, "the busy node gets the new share: " + total);
  }

  @Test
  void aNodeThatStopsPublishingLeavesItsLeaseBehindWhenItsEntryExpires() {
    Cluster cluster = new Cluster();
    Throttle a = new Throttle(cluster.node(0), new QuotaShares(1), now::get);
    Throttle b = new Throttle(cluster.node(1), new QuotaShares(1), now::get);
    List<Check> c = checks(Level.API, "api", perMinute(1000));
    admitted(b, c, 1);
    b.sync();
    a.sync();
    assertTrue(admitted(a, c, 1000) < 600, "b's lease is set aside while it holds it");
    // b is gone: its published entry expires (the replicated map's time to live) and a, still
    // configured for two nodes, keeps to its own share.
    cluster.map.keySet().removeIf(k -> k.endsWith("@1"));
    cluster.live = 1;
    now.addAndGet(100);
    a.sync();
    assertTrue(admitted(a, c, 1000) <= 500, "alone, a keeps to half");
  }

  @Test
  void aNodeCutOffFromItsDatacenterEnforcesItsShareOnly() {
    Cluster cluster = new Cluster();
    cluster.live = 1;
    Throttle alone = new Throttle(cluster.node(0), new QuotaShares(1), now::get);
    List<Check> c = checks(Level.API, "api", perMinute(1000));
    assertEquals(500, admitted(alone, c, 2000), "half of the limit: its share of two nodes");
  }

  @Test
  void aGlobalQuotaGivesTheDatacenterItsShareOnly() {
    QuotaShares shares = new QuotaShares(2);
    Throttle t = new Throttle(Peers.ALONE, shares, now::get);
    ThrottlePolicy global = new ThrottlePolicy("g", 1000, 60_000, 0, 0, 0, true);
    List<Check> c = checks(Level.SUBSCRIPTION, "k", global);
    assertEquals(500, admitted(t, c, 2000), "until the master speaks: an even split of two");
    shares.grant(c.get(0).counterKey(), 700);
    assertEquals(200, admitted(t, c, 2000), "then what the master granted");
  }

  @Test
  void aGlobalLimitIsReportedWhileCountedThenAsIdleThenNoMore() {
    QuotaShares shares = new QuotaShares(2);
    Throttle t = new Throttle(Peers.ALONE, shares, now::get);
    ThrottlePolicy global = new ThrottlePolicy("g", 1000, 60_000, 0, 0, 0, true);
    List<Check> c = checks(Level.SUBSCRIPTION, "k", global);
    admitted(t, c, 600);
    QuotaUsage.Entry busy = t.globalUsage().get(0);
    assertEquals(
        List.of(500L, 600L, 100L, 500L),
        List.of(busy.count(), busy.demand(), busy.refused(), busy.share()));
    shares.grant(c.get(0).counterKey(), 300);
    now.addAndGet(67_000);
    t.sync(); // a window (and the slot counts keep beyond it) without a request: dropped
    QuotaUsage.Entry idle = t.globalUsage().get(0);
    assertEquals(
        List.of(0L, 0L, 300L),
        List.of(idle.count(), idle.demand(), idle.share()),
        "idle, and the share it applies, so the master can move it");
    now.addAndGet(Throttle.REPORT_IDLE_MILLIS + 1);
    assertEquals(List.of(), t.globalUsage());
  }

  @Test
  void unlimitedPoliciesSetNoLimit() {
    assertTrue(new ThrottlePolicy("Unlimited", 0, 60_000, 0, 0, 0, false).unlimited());
    assertNull(
        new Throttle(Peers.ALONE, new QuotaShares(1), now::get).acquire(List.of()).refusedAt());
  }
}
