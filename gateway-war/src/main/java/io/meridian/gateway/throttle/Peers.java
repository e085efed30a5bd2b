package io.meridian.gateway.throttle;

import java.util.List;

/**
 * The other gateway nodes of this datacenter, as far as counting goes: each node publishes its own
 * counts, reads the others' (locally, without a round trip), and knows how many nodes there are.
 */
public interface Peers {

  /** Nodes that see each other now, this one included. */
  int liveNodes();

  /**
   * Nodes the datacenter is configured with; when fewer are live (a node down or cut off), the live
   * ones enforce only their share of each limit.
   */
  int configuredNodes();

  /** This node's place (0-based) among the live nodes, the same order on every node. */
  int rank();

  /** Makes this node's counts of {@code key} visible to the others for {@code ttlMillis}. */
  void publish(String key, long[] snapshot, long ttlMillis);

  /** Takes back this node's counts of {@code key} (it stopped counting it: nothing to reserve). */
  void withdraw(String key);

  /**
   * Tells the others this node is stopping on purpose: once it has left, they no longer hold its
   * share back as they do for a node that may only be cut off.
   */
  default void leave() {}

  /** The live other nodes' latest counts of {@code key}. */
  List<long[]> others(String key);

  /** A node on its own: no one to share with. */
  Peers ALONE =
      new Peers() {
        @Override
        public int liveNodes() {
          return 1;
        }

        @Override
        public int configuredNodes() {
          return 1;
        }

        @Override
        public int rank() {
          return 0;
        }

        @Override
        public void publish(String key, long[] snapshot, long ttlMillis) {}

        @Override
        public void withdraw(String key) {}

        @Override
        public List<long[]> others(String key) {
          return List.of();
        }
      };
}
