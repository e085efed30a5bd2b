package io.meridian.gateway.runtime;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.meridian.gateway.throttle.Peers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The datacenter's other gateway nodes through Payara Micro's Hazelcast data grid (one cluster per
 * datacenter, members listed explicitly): each node puts its counts in a replicated map under its
 * member id, and reads the others' from its own replica of the map — no request and no
 * synchronisation waits for the network. A member merely gone may only be cut off: its share is
 * held back (see {@link #configuredNodes()}) and its counts are ignored. A member that left on
 * purpose said so: its share is not held back, and its counts stay until they leave the window.
 */
final class HazelcastPeers implements Peers {

  static final String MAP = "meridian-throttle-counts";

  /** Prefix of the entry a node stopping on purpose leaves behind, by member id. */
  private static final String LEFT = "left@";

  private final HazelcastInstance hazelcast;
  private final ReplicatedMap<String, long[]> counts;
  private final int configuredNodes;
  private final long graceMillis;
  private final Map<UUID, Long> lastSeen = new ConcurrentHashMap<>();

  /** Members that left on purpose, and when that was noticed. */
  private final Map<UUID, Long> departed = new ConcurrentHashMap<>();

  /**
   * @param configuredNodes the datacenter's gateway nodes by configuration (0: as many as are seen)
   * @param graceMillis how long a member that went away still counts as one of the datacenter's (it
   *     may only be cut off, and then it enforces its own share)
   */
  HazelcastPeers(HazelcastInstance hazelcast, int configuredNodes, long graceMillis) {
    this.hazelcast = hazelcast;
    this.counts = hazelcast.getReplicatedMap(MAP);
    this.configuredNodes = configuredNodes;
    this.graceMillis = graceMillis;
  }

  @Override
  public int liveNodes() {
    return hazelcast.getCluster().getMembers().size();
  }

  /**
   * The configured count, or more if more were seen within the grace period: a node cut off from
   * the others must not believe it is the whole datacenter. Recounted at most every {@link
   * #RECOUNT_MILLIS} (it is asked on the request path).
   */
  @Override
  public int configuredNodes() {
    long now = System.currentTimeMillis();
    if (now - countedAt >= RECOUNT_MILLIS) {
      configuredCount = count(now);
      countedAt = now;
    }
    return configuredCount;
  }

  static final long RECOUNT_MILLIS = 100;
  private volatile long countedAt = Long.MIN_VALUE / 2;
  private volatile int configuredCount;

  private int count(long now) {
    for (Member m : hazelcast.getCluster().getMembers()) {
      lastSeen.put(m.getUuid(), now);
    }
    lastSeen.values().removeIf(seen -> now - seen > graceMillis);
    // A member gone that said it was stopping is not held as cut off.
    for (UUID id : lastSeen.keySet()) {
      if (leftOnPurpose(id, now)) {
        departed.put(id, now);
        lastSeen.remove(id);
      }
    }
    departed.values().removeIf(at -> now - at > graceMillis);
    return Math.max(configuredNodes, lastSeen.size());
  }

  private boolean leftOnPurpose(UUID id, long now) {
    Long seen = lastSeen.get(id);
    return seen != null && seen < now && counts.containsKey(LEFT + id);
  }

  @Override
  public void leave() {
    counts.put(
        LEFT + hazelcast.getCluster().getLocalMember().getUuid(),
        new long[0],
        graceMillis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public int rank() {
    List<UUID> ids = new ArrayList<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      ids.add(m.getUuid());
    }
    ids.sort(null);
    return Math.max(0, ids.indexOf(hazelcast.getCluster().getLocalMember().getUuid()));
  }

  @Override
  public void publish(String key, long[] snapshot, long ttlMillis) {
    counts.put(
        key + "@" + hazelcast.getCluster().getLocalMember().getUuid(),
        snapshot,
        ttlMillis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void withdraw(String key) {
    counts.remove(key + "@" + hazelcast.getCluster().getLocalMember().getUuid());
  }

  /**
   * The live members' counts, and those of members that left on purpose: what they admitted still
   * counts until it leaves the window (their entries expire with it), but the budget they held is
   * void. (A member merely gone is handled by {@link #configuredNodes()} instead.)
   */
  @Override
  public List<long[]> others(String key) {
    UUID self = hazelcast.getCluster().getLocalMember().getUuid();
    List<long[]> out = new ArrayList<>();
    Set<UUID> members = new HashSet<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      members.add(m.getUuid());
      if (!m.getUuid().equals(self)) {
        long[] theirs = counts.get(key + "@" + m.getUuid());
        if (theirs != null) {
          out.add(theirs);
        }
      }
    }
    Set<UUID> gone = new HashSet<>(departed.keySet());
    for (UUID id : lastSeen.keySet()) {
      if (counts.containsKey(LEFT + id)) {
        gone.add(id);
      }
    }
    gone.removeAll(members);
    for (UUID id : gone) {
      long[] theirs = counts.get(key + "@" + id);
      if (theirs != null) {
        long[] counted = theirs.clone();
        counted[counted.length - 1] = 0;
        out.add(counted);
      }
    }
    return out;
  }
}
