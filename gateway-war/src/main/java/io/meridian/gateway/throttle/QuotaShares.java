package io.meridian.gateway.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This datacenter's shares of policies with a global quota, as the master last granted them: a
 * datacenter never admits more than its share, so all of them together never more than the limit.
 * Until the master has said anything about a key, the share is an even split among the datacenters.
 */
public final class QuotaShares {

  private final int datacenters;
  private final Map<String, Long> shares = new ConcurrentHashMap<>();

  public QuotaShares(int datacenters) {
    this.datacenters = Math.max(1, datacenters);
  }

  /** This datacenter's share of {@code limit} for the counter {@code key}. */
  long share(String key, long limit) {
    Long granted = shares.get(key);
    return granted != null ? Math.min(granted, limit) : limit / datacenters;
  }

  private long lastSequence = -1;

  /** Records what the master granted. */
  public void grant(String key, long share) {
    shares.put(key, Math.max(0, share));
  }

  /**
   * Applies a grant of the master's unless an older one arrives after a newer (the broker keeps
   * order per link, but a restarted node may see an old grant again).
   */
  public synchronized void apply(long sequence, Map<String, Long> granted) {
    if (sequence < lastSequence) {
      return;
    }
    lastSequence = sequence;
    granted.forEach(this::grant);
  }

  public int datacenters() {
    return datacenters;
  }
}
