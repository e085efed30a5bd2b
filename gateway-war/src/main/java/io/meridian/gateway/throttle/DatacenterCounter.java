package io.meridian.gateway.throttle;

import java.util.Arrays;
import java.util.List;

/**
 * One limit of one key (say, requests of one subscription per minute) as this node counts it within
 * its datacenter. The node admits from a budget — a lease on part of the limit — that it takes at
 * every synchronisation: its part of what the datacenter has left once every node's counts and
 * every other node's unused budget are set aside; what it does not use it gives back at the next
 * synchronisation. So while the nodes see each other the datacenter never admits more than the
 * limit, and no request waits for another node; a busy node next to idle ones gets most of the
 * limit within a few synchronisations.
 */
final class DatacenterCounter {

  private final long windowMillis;
  private final SlotCounts own;
  private volatile Check check;
  private long[] others;
  private long othersSlot;
  private long budget;
  private long usedSinceSync;
  private boolean synced;
  private long limit = Long.MAX_VALUE;
  private long demandSinceReport;
  private long refusedSinceReport;

  DatacenterCounter(Check check) {
    this.windowMillis = check.limit().windowMillis();
    this.own = new SlotCounts(windowMillis);
    this.check = check;
  }

  /** The limit this counter counts against, as last checked (a policy edit replaces it). */
  Check check() {
    return check;
  }

  void checkedBy(Check latest) {
    if (check != latest) {
      check = latest;
    }
  }

  /**
   * Whether {@code units} more may be admitted now against {@code limit} (the datacenter's limit,
   * already reduced to the live nodes' share or the datacenter's global share).
   */
  synchronized boolean allows(long nowMillis, long limit, int liveNodes, long units) {
    this.limit = limit;
    demandSinceReport++;
    if (liveNodes <= 1) {
      return own.total(nowMillis) + othersTotal(nowMillis) + units <= limit;
    }
    if (!synced) {
      // Not yet synchronised: a small start, a tenth of this node's share.
      budget = Math.max(1, limit / (10L * liveNodes));
      synced = true;
    }
    return usedSinceSync + units <= budget;
  }

  /** Whether the counted units already reach the limit (for measures counted after the fact). */
  synchronized boolean exhausted(long nowMillis, long limit, int liveNodes) {
    return !allows(nowMillis, limit, liveNodes, 1);
  }

  synchronized void add(long nowMillis, long units) {
    own.add(nowMillis, units);
    usedSinceSync += units;
  }

  /** How long until the oldest slot still counted leaves the window (more room, if it had any). */
  long millisToNextSlot(long nowMillis) {
    long slotMillis = own.slotMillis();
    return slotMillis - Math.floorMod(nowMillis, slotMillis);
  }

  /** What is left of {@code limit} in the datacenter, as this node last knew it. */
  synchronized long remaining(long nowMillis, long limit) {
    return Math.max(0, limit - own.total(nowMillis) - othersTotal(nowMillis));
  }

  /** How long until the datacenter's count drops below {@code limit}. */
  synchronized long millisUntilBelow(long nowMillis, long limit) {
    return own.millisUntilBelow(nowMillis, limit, alignedOthers(nowMillis));
  }

  /** This node's counts and, last, its unused budget: what it publishes to the others. */
  synchronized long[] snapshot(long nowMillis) {
    long[] counts = own.snapshot(nowMillis);
    long[] out = Arrays.copyOf(counts, counts.length + 1);
    out[counts.length] = Math.max(0, budget - usedSinceSync);
    return out;
  }

  /** Whether nothing was counted in the last window (the counter can be dropped). */
  synchronized boolean idle(long nowMillis) {
    return own.total(nowMillis) == 0 && othersTotal(nowMillis) == 0;
  }

  /**
   * Requests asked for (admitted or refused) and refused since the last call, for global quota
   * reports: {@code [asked, refused]}.
   */
  synchronized long[] takeDemand() {
    long[] d = {demandSinceReport, refusedSinceReport};
    demandSinceReport = 0;
    refusedSinceReport = 0;
    return d;
  }

  /** Counts a refusal (for global quota reports). */
  synchronized void refused() {
    refusedSinceReport++;
  }

  /** This node's own count in the window now. */
  synchronized long ownCount(long nowMillis) {
    return own.total(nowMillis);
  }

  long windowMillis() {
    return windowMillis;
  }

  /**
   * A synchronisation: takes the other nodes' latest counts and unused budgets (as they published
   * them: since then units can only have moved from their budget to their count), gives back this
   * node's unused budget and takes a new one: its part of what is left, split by rank so that the
   * parts add up to exactly what is left. {@code currentLimit} is the datacenter's limit now: a
   * node that has not been asked since a share or a policy changed reserves against the new one.
   */
  synchronized void sync(
      long nowMillis, List<long[]> theirs, int liveNodes, int rank, long currentLimit) {
    limit = currentLimit;
    long slot = own.slot(nowMillis);
    long[] sum = new long[SlotCounts.SLOTS + 1];
    long reserved = 0;
    for (long[] snapshot : theirs) {
      SlotCounts.addAligned(Arrays.copyOf(snapshot, snapshot.length - 1), slot, sum);
      reserved += snapshot[snapshot.length - 1];
    }
    others = sum;
    othersSlot = slot;
    long left = Math.max(0, limit - own.total(nowMillis) - othersTotal(nowMillis) - reserved);
    int nodes = Math.max(1, liveNodes);
    budget = left / nodes + (rank < left % nodes ? 1 : 0);
    usedSinceSync = 0;
    synced = true;
  }

  private long[] alignedOthers(long nowMillis) {
    if (others == null) {
      return null;
    }
    long shift = own.slot(nowMillis) - othersSlot;
    long[] out = new long[others.length];
    for (int i = 0; i < others.length; i++) {
      long age = i + shift;
      if (age >= 0 && age < out.length) {
        out[(int) age] = others[i];
      }
    }
    return out;
  }

  /** The other nodes' count still in the window now (without allocating: it runs per request). */
  private long othersTotal(long nowMillis) {
    if (others == null) {
      return 0;
    }
    long shift = own.slot(nowMillis) - othersSlot;
    long sum = 0;
    for (int i = 0; i < others.length && i + shift < others.length; i++) {
      if (i + shift >= 0) {
        sum += others[i];
      }
    }
    return sum;
  }
}
