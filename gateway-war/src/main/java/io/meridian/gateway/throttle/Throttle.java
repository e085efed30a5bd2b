package io.meridian.gateway.throttle;

import io.meridian.shared.quota.QuotaUsage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The node's throttle: decides on the request path from memory alone, and is kept in step with the
 * datacenter's other nodes by {@link #sync()}, which the container calls every few hundred
 * milliseconds off the request path.
 *
 * <p>A request passes when every applicable limit allows one more; only then is it counted, at
 * every level. Bandwidth is counted when the answer is done: a request is refused once the bytes of
 * the window reach the limit, so the last admitted answer may go past it.
 */
public final class Throttle {

  private final Peers peers;
  private final QuotaShares shares;
  private final LongSupplier clock;
  private final Map<String, DatacenterCounter> counters = new ConcurrentHashMap<>();
  private final LongAdder refused = new LongAdder();

  /**
   * How long a node keeps reporting a global limit it no longer counts (no request in a window):
   * the reports tell the master the share it applies, so that the master can move it; the master
   * forgets a limit nobody reports on after as long.
   */
  static final long REPORT_IDLE_MILLIS = 600_000;

  /** The global limits counted here, by counter key, and when: what reports to the master cover. */
  private final Map<String, GlobalLimit> global = new ConcurrentHashMap<>();

  private record GlobalLimit(ThrottlePolicy.Limit limit, long countedAtMillis) {}

  public Throttle(Peers peers, QuotaShares shares, LongSupplier millisClock) {
    this.peers = peers;
    this.shares = shares;
    this.clock = millisClock;
  }

  /** Decides on one request: refused by the first limit that has no room, else counted. */
  public Decision acquire(List<Check> checks) {
    long now = clock.getAsLong();
    int live = peers.liveNodes();
    Decision strictest = null;
    DatacenterCounter[] counted = new DatacenterCounter[checks.size()];
    for (int i = 0; i < checks.size(); i++) {
      Check check = checks.get(i);
      DatacenterCounter counter = counter(check);
      long limit = effectiveLimit(check, live);
      boolean bytes = check.limit().measure() == ThrottlePolicy.Measure.BYTES;
      boolean room =
          bytes ? !counter.exhausted(now, limit, live) : counter.allows(now, limit, live, 1);
      if (!room) {
        refused.increment();
        counter.refused();
        return new Decision(
            check.level(),
            check.limit().measure(),
            limit,
            0,
            seconds(Math.max(1, counter.millisUntilBelow(now, limit))));
      }
      if (!bytes) {
        counted[i] = counter;
      }
      if (check.limit().measure() == ThrottlePolicy.Measure.REQUESTS) {
        long remaining = Math.max(0, counter.remaining(now, limit) - 1);
        if (strictest == null || remaining < strictest.remaining()) {
          strictest =
              new Decision(
                  null,
                  ThrottlePolicy.Measure.REQUESTS,
                  limit,
                  remaining,
                  seconds(counter.millisToNextSlot(now)));
        }
      }
    }
    for (DatacenterCounter c : counted) {
      if (c != null) {
        c.add(now, 1);
      }
    }
    return strictest != null ? strictest : new Decision(null, null, 0, 0, 0);
  }

  /** Counts the bytes of an answer against the bandwidth limits among {@code checks}. */
  public void recordBytes(List<Check> checks, long bytes) {
    if (bytes <= 0) {
      return;
    }
    long now = clock.getAsLong();
    for (Check check : checks) {
      if (check.limit().measure() == ThrottlePolicy.Measure.BYTES) {
        counter(check).add(now, bytes);
      }
    }
  }

  /**
   * Publishes this node's counts, takes the other nodes', and resets every budget; drops counters
   * idle for a whole window. Called off the request path, every {@code sync-millis}.
   */
  public void sync() {
    long now = clock.getAsLong();
    int live = peers.liveNodes();
    int rank = peers.rank();
    Iterator<Map.Entry<String, DatacenterCounter>> it = counters.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, DatacenterCounter> e = it.next();
      DatacenterCounter counter = e.getValue();
      String key = e.getKey();
      List<long[]> theirs = peers.others(key);
      if (counter.idle(now) && theirs.isEmpty()) {
        it.remove();
        peers.withdraw(key);
        continue;
      }
      // Take the new budget first, then publish it: the others must see what this node holds.
      // The limit is recomputed (a share or a policy may have changed while this node was idle):
      // an idle node must not reserve budget against a limit that is no longer the datacenter's.
      counter.sync(now, theirs, live, rank, effectiveLimit(counter.check(), live));
      peers.publish(key, counter.snapshot(now), counter.windowMillis() + 2_000);
    }
  }

  private DatacenterCounter counter(Check check) {
    DatacenterCounter counter =
        counters.computeIfAbsent(
            check.counterKey(),
            k -> {
              if (check.policy().globalQuota()) {
                global.put(k, new GlobalLimit(check.limit(), clock.getAsLong()));
              }
              return new DatacenterCounter(check);
            });
    counter.checkedBy(check);
    return counter;
  }

  /**
   * What this node reports to the master about the global limits it counts: its count in the
   * window, what it was asked for since the last report, and the share it applies. A limit it has
   * stopped counting is still reported (with nothing counted) for {@link #REPORT_IDLE_MILLIS}, so
   * the master knows the datacenter is idle and what it applies, and can move its share.
   */
  public List<QuotaUsage.Entry> globalUsage() {
    long now = clock.getAsLong();
    List<QuotaUsage.Entry> out = new ArrayList<>();
    for (Map.Entry<String, GlobalLimit> e : global.entrySet()) {
      String key = e.getKey();
      ThrottlePolicy.Limit limit = e.getValue().limit();
      DatacenterCounter counter = counters.get(key);
      long count = 0;
      long[] demand = {0, 0};
      if (counter != null) {
        global.put(key, new GlobalLimit(limit, now));
        count = counter.ownCount(now);
        demand = counter.takeDemand();
      } else if (now - e.getValue().countedAtMillis() > REPORT_IDLE_MILLIS) {
        global.remove(key);
        continue;
      }
      out.add(
          new QuotaUsage.Entry(
              key,
              limit.max(),
              limit.windowMillis(),
              count,
              demand[0],
              demand[1],
              shares.share(key, limit.max())));
    }
    return out;
  }

  /** This datacenter's shares of global limits, as the master grants them. */
  public QuotaShares shares() {
    return shares;
  }

  /**
   * The limit this datacenter enforces now: the policy's, or for a global quota the datacenter's
   * share of it; reduced to the live nodes' part when nodes of the datacenter are missing.
   */
  private long effectiveLimit(Check check, int live) {
    long limit = check.limit().max();
    if (check.policy().globalQuota()) {
      limit = shares.share(check.counterKey(), limit);
    }
    int configured = Math.max(live, peers.configuredNodes());
    if (live < configured) {
      limit = limit * live / configured;
    }
    return limit;
  }

  private static long seconds(long millis) {
    return (millis + 999) / 1000;
  }

  /** Requests this node refused (429) since it started. */
  public long refused() {
    return refused.sum();
  }

  /** The datacenter's gateway nodes this node sees now (itself included). */
  public int liveNodes() {
    return peers.liveNodes();
  }

  /** Counters held (for metrics and tests). */
  public int counters() {
    return counters.size();
  }
}
