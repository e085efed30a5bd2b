package io.meridian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaAllocationTest {

  private static final long WINDOW = 10_000;

  private static long sum(Map<String, Long> shares) {
    return shares.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A limit of 1000 per 10 s over dc-a and dc-b, and a clock the reports and rounds share. */
  private static final class Rounds {
    final QuotaAllocation q;
    long now = 1_000_000;

    Rounds(String... datacenters) {
      q = new QuotaAllocation(1000, WINDOW, List.of(datacenters), now);
    }

    /** One node's report after a second in which it was asked {@code perSecond} requests. */
    void report(String dc, String node, long count, long perSecond) {
      q.report(new QuotaAllocation.Report(dc, node, now, count, perSecond, share(dc)), now);
    }

    void reportApplying(String dc, String node, long count, long perSecond, long share) {
      q.report(new QuotaAllocation.Report(dc, node, now, count, perSecond, share), now);
    }

    Map<String, Long> round() {
      Map<String, Long> sent = q.rebalance(now);
      now += 1_000;
      return sent;
    }

    long share(String dc) {
      return q.shares().get(dc);
    }
  }

  @Test
  void startsWithAnEvenSplitAndMovesNothingWhileTheDemandIsEven() {
    Rounds r = new Rounds("dc-a", "dc-b");
    assertEquals(Map.of("dc-a", 500L, "dc-b", 500L), r.q.shares());
    for (int i = 0; i < 3; i++) {
      r.report("dc-a", "a1", 200, 20);
      r.report("dc-b", "b1", 210, 21);
      assertEquals(Map.of(), r.round());
    }
  }

  @Test
  void movesNothingWhenEveryDatacenterAsksForMoreThanItsHalf() {
    Rounds r = new Rounds("dc-a", "dc-b");
    for (int i = 0; i < 3; i++) {
      r.report("dc-a", "a1", 500, 900);
      r.report("dc-b", "b1", 500, 120);
      assertEquals(Map.of(), r.round(), "both want more than half: moving only shifts refusals");
    }
  }

  @Test
  void aLightDatacenterKeepsWhatItAsksForAndTheBusyOneGrowsIntoTheRestAfterTheShrinkIsApplied() {
    Rounds r = new Rounds("dc-a", "dc-b");
    r.report("dc-a", "a1", 500, 800); // saturated: asked 800 a second, admits its 500 a window
    r.report("dc-b", "b1", 20, 2); // light: 2 a second, 20 a window
    Map<String, Long> first = r.round();
    assertEquals(
        50L, first.get("dc-b"), "b keeps what it asks for plus a margin, at least a floor");
    assertEquals(500, r.share("dc-a"), "a cannot grow while b reports applying 500");
    // b has applied its smaller share and says so: now a grows into it.
    r.report("dc-a", "a1", 500, 800);
    r.reportApplying("dc-b", "b1", 20, 2, 50);
    Map<String, Long> second = r.round();
    assertEquals(950L, second.get("dc-a"));
    assertEquals(1000, sum(r.q.shares()));
  }

  @Test
  void theLightDatacenterGetsItsHalfBackWhenItBecomesBusy() {
    Rounds r = new Rounds("dc-a", "dc-b");
    for (int i = 0; i < 3; i++) {
      r.report("dc-a", "a1", Math.min(800, r.share("dc-a")), 800);
      r.report("dc-b", "b1", 20, 2);
      r.round();
    }
    assertTrue(r.share("dc-a") > 900, r.q.shares().toString());
    for (int i = 0; i < 4; i++) {
      r.report("dc-a", "a1", Math.min(800, r.share("dc-a")), 800);
      r.report("dc-b", "b1", r.share("dc-b"), 500);
      r.round();
    }
    assertEquals(Map.of("dc-a", 500L, "dc-b", 500L), r.q.shares());
  }

  @Test
  void aDatacenterThatStopsReportingKeepsWhatItHeld() {
    Rounds r = new Rounds("dc-a", "dc-b");
    r.report("dc-a", "a1", 0, 0);
    r.report("dc-b", "b1", 450, 45);
    r.round();
    // b goes silent (cut off) after admitting 450 while applying 500; a is busy, round after round.
    for (int i = 0; i < 20; i++) {
      r.report("dc-a", "a1", r.share("dc-a"), 1000);
      r.round();
      assertTrue(
          r.share("dc-a") + 500 <= 1000,
          "a never takes what b may still be using: " + r.q.shares());
    }
  }

  @Test
  void aStoppedNodeDoesNotHoldItsDatacentersShareWhileAnotherNodeReports() {
    Rounds r = new Rounds("dc-a", "dc-b");
    r.report("dc-b", "b1", 100, 10);
    r.report("dc-b", "b2", 100, 10); // b2 then stops for good
    r.report("dc-a", "a1", 500, 800);
    r.round();
    for (int i = 0; i < 8; i++) {
      r.report("dc-a", "a1", r.share("dc-a"), 800);
      r.report("dc-b", "b1", 10, 1);
      r.round();
    }
    assertTrue(r.share("dc-a") >= 900, "b2's last report is stale: " + r.q.shares());
  }

  @Test
  void aShareANodeAppliesDifferentlyIsSentAgain() {
    Rounds r = new Rounds("dc-a", "dc-b");
    r.reportApplying("dc-b", "b1", 10, 1, 500);
    r.reportApplying("dc-a", "a1", 10, 1, 500);
    assertEquals(Map.of(), r.round());
    r.reportApplying("dc-b", "b1", 10, 1, 123); // e.g. a grant from before an edit of the policy
    assertEquals(Map.of("dc-b", 500L), r.round());
  }

  @Test
  void theSharesNeverAddUpToMoreThanTheLimitAndEveryoneKeepsAFloor() {
    Rounds r = new Rounds("dc-a", "dc-b", "dc-c");
    long[][] perSecond = {{300, 1, 1}, {1, 1, 320}, {20, 30, 30}, {0, 900, 0}};
    String[] dcs = {"dc-a", "dc-b", "dc-c"};
    for (long[] phase : perSecond) {
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < dcs.length; i++) {
          r.report(dcs[i], "n", Math.min(phase[i] * 10, r.share(dcs[i])), phase[i]);
        }
        r.round();
        assertTrue(sum(r.q.shares()) <= 1000, "" + r.q.shares());
        r.q.shares().values().forEach(v -> assertTrue(v >= 33, "floor: " + r.q.shares()));
      }
    }
    assertTrue(r.share("dc-b") > 800, "the only busy one gets most: " + r.q.shares());
  }
}
