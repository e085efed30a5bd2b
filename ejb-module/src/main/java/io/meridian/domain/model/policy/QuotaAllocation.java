package io.meridian.domain.model.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one global limit is divided among the datacenters. Each datacenter enforces its share on its
 * own, so no request waits on another datacenter. The master divides the limit by demand, max-min
 * fair: a datacenter asking for less than an even part gets what it asks for plus a margin, the
 * others split the rest evenly, and what nobody asks for is split evenly as headroom. Demand is
 * what the nodes were asked (admitted and refused) per second, smoothed, over a window of the
 * limit. A share changes only so that two datacenters can never both use the same part of the
 * limit:
 *
 * <ul>
 *   <li>a share shrinks at once;
 *   <li>a share grows only into what no other datacenter holds, counting for each other datacenter
 *       the largest of what it was granted, what its nodes reported applying and what they reported
 *       admitted in the current window.
 * </ul>
 *
 * <p>So the shares held add up to the limit at most, also while a datacenter is cut off: its nodes'
 * last reports keep their part reserved until they report again. While any node of a datacenter
 * reports, the datacenter is reachable and only its reporting nodes count (a stopped node admits
 * nothing).
 */
public final class QuotaAllocation {

  /** A node not heard from for this long no longer speaks for its datacenter's demand. */
  static final long STALE_MILLIS = 5_000;

  /** Reports are expected about every second; the first one of a node is read as a second's. */
  private static final long FIRST_INTERVAL_MILLIS = 1_000;

  /** One node's report: its count in the window, what it was asked since its last report. */
  public record Report(
      String datacenter, String node, long sentAtMillis, long count, long demand, long share) {}

  private final long limit;
  private final long windowMillis;
  private final long floor;
  private final Map<String, Long> granted = new LinkedHashMap<>();
  private final Map<String, Map<String, Node>> nodes = new HashMap<>();
  private final Set<String> disagreeing = new HashSet<>();
  private long lastHeardMillis;

  /**
   * @param datacenters every datacenter that enforces the limit; each starts with an even split, as
   *     its gateways assume before the master has said anything
   */
  public QuotaAllocation(long limit, long windowMillis, List<String> datacenters, long nowMillis) {
    this.limit = limit;
    this.windowMillis = Math.max(1, windowMillis);
    int n = Math.max(1, datacenters.size());
    this.floor = Math.max(1, limit / (10L * n));
    this.lastHeardMillis = nowMillis;
    for (String dc : datacenters) {
      granted.put(dc, limit / n);
    }
  }

  public long limit() {
    return limit;
  }

  public long windowMillis() {
    return windowMillis;
  }

  /** How long no node has reported on this limit. */
  public long silentMillis(long nowMillis) {
    return nowMillis - lastHeardMillis;
  }

  public void report(Report r, long receivedAtMillis) {
    lastHeardMillis = receivedAtMillis;
    granted.putIfAbsent(r.datacenter(), 0L);
    Node node =
        nodes
            .computeIfAbsent(r.datacenter(), k -> new HashMap<>())
            .computeIfAbsent(r.node(), k -> new Node());
    node.take(r, receivedAtMillis);
    if (r.share() != granted.get(r.datacenter())) {
      disagreeing.add(r.datacenter());
    }
  }

  /** What each datacenter holds now (granted). */
  public Map<String, Long> shares() {
    return Map.copyOf(granted);
  }

  /**
   * Moves the shares towards the datacenters' demand; returns the shares to send, by datacenter:
   * those that changed and those a node reported applying differently (a grant still on its way, or
   * one lost: sent again).
   */
  public Map<String, Long> rebalance(long nowMillis) {
    Map<String, Long> target = targets(nowMillis);
    Map<String, Long> send = new LinkedHashMap<>();
    // Shrink first: what a datacenter gives up becomes available to the others next.
    for (Map.Entry<String, Long> t : target.entrySet()) {
      if (t.getValue() < granted.get(t.getKey()) - tolerance()) {
        granted.put(t.getKey(), t.getValue());
        send.put(t.getKey(), t.getValue());
      }
    }
    for (Map.Entry<String, Long> t : target.entrySet()) {
      String dc = t.getKey();
      long now = granted.get(dc);
      if (t.getValue() > now + tolerance()) {
        long grown = Math.min(t.getValue(), limit - heldByOthers(dc, nowMillis));
        if (grown > now) {
          granted.put(dc, grown);
          send.put(dc, grown);
        }
      }
    }
    for (String dc : disagreeing) {
      send.putIfAbsent(dc, granted.get(dc));
    }
    disagreeing.clear();
    return send;
  }

  /** Max-min fair division of the limit by what each datacenter wants. */
  private Map<String, Long> targets(long nowMillis) {
    Map<String, Long> out = new LinkedHashMap<>();
    Set<String> open = new LinkedHashSet<>(granted.keySet());
    long left = limit;
    boolean settled = true;
    while (!open.isEmpty() && settled) {
      long even = left / open.size();
      settled = false;
      for (Iterator<String> it = open.iterator(); it.hasNext(); ) {
        String dc = it.next();
        long want = wants(dc, nowMillis);
        if (want <= even) {
          out.put(dc, want);
          left -= want;
          it.remove();
          settled = true;
        }
      }
    }
    // The ones wanting more than an even part of what is left split it; if everyone has what it
    // wants, what is left is split among all as headroom.
    Collection<String> sharing = open.isEmpty() ? granted.keySet() : open;
    long each = left / sharing.size();
    long extra = left % sharing.size();
    for (String dc : sharing) {
      out.merge(dc, each + (extra-- > 0 ? 1 : 0), Long::sum);
    }
    return out;
  }

  /** What a datacenter asks for in a window, or has admitted, plus a fifth; at least the floor. */
  private long wants(String dc, long nowMillis) {
    double perSecond = 0;
    long used = 0;
    for (Node n : speaking(dc, nowMillis)) {
      perSecond += n.perSecond;
      used += n.count;
    }
    long demand = Math.max(used, (long) Math.ceil(perSecond * windowMillis / 1000.0));
    return Math.max(floor, demand + Math.max(tolerance(), demand / 5));
  }

  private long heldByOthers(String datacenter, long nowMillis) {
    long held = 0;
    for (String dc : granted.keySet()) {
      if (!dc.equals(datacenter)) {
        long applies = 0;
        long used = 0;
        for (Node n : speaking(dc, nowMillis)) {
          applies = Math.max(applies, n.share);
          used += n.count;
        }
        held += Math.max(granted.get(dc), Math.max(applies, used));
      }
    }
    return held;
  }

  /**
   * The nodes that speak for a datacenter: those heard recently, or, when none is (cut off, or all
   * stopped), every node's last word.
   */
  private Collection<Node> speaking(String dc, long nowMillis) {
    Collection<Node> all = nodes.getOrDefault(dc, Map.of()).values();
    List<Node> fresh = all.stream().filter(n -> nowMillis - n.heardAt <= STALE_MILLIS).toList();
    return fresh.isEmpty() ? all : fresh;
  }

  /** Moves smaller than a hundredth of the limit are not worth a message. */
  private long tolerance() {
    return limit / 100;
  }

  /** What the master knows of one node. */
  private static final class Node {
    long count;
    long share;
    double perSecond;
    long sentAt = Long.MIN_VALUE;
    long heardAt;

    void take(Report r, long receivedAtMillis) {
      if (sentAt != Long.MIN_VALUE && r.sentAtMillis() <= sentAt) {
        return; // a duplicate, or older than what we have
      }
      long interval = sentAt == Long.MIN_VALUE ? FIRST_INTERVAL_MILLIS : r.sentAtMillis() - sentAt;
      double rate = r.demand() * 1000.0 / Math.max(1, interval);
      perSecond = sentAt == Long.MIN_VALUE ? rate : (perSecond + rate) / 2;
      sentAt = r.sentAtMillis();
      heardAt = receivedAtMillis;
      count = r.count();
      share = r.share();
    }
  }
}
