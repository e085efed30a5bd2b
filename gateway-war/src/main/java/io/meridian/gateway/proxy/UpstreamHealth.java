package io.meridian.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Passive health of backend URLs, learnt from real traffic: a URL whose connections fail (or time
 * out) {@code maxFailures} times in a row is skipped for a cool-down, then tried again; one success
 * clears its record. Shared by the node's event loops; lock-free.
 */
public final class UpstreamHealth {

  private static final class Record {
    private int failures;
    private long skipUntil;
  }

  private final int maxFailures;
  private final long coolDownNanos;
  private final LongSupplier clock;
  private final Map<String, Record> records = new ConcurrentHashMap<>();

  public UpstreamHealth(int maxFailures, long coolDownMillis, LongSupplier nanoClock) {
    this.maxFailures = maxFailures;
    this.coolDownNanos = coolDownMillis * 1_000_000;
    this.clock = nanoClock;
  }

  /** Whether the URL may be used now (not in a cool-down). */
  public boolean available(String url) {
    Record r = records.get(url);
    if (r == null) {
      return true;
    }
    synchronized (r) {
      return r.skipUntil == 0 || clock.getAsLong() - r.skipUntil >= 0;
    }
  }

  public void failed(String url) {
    Record r = records.computeIfAbsent(url, k -> new Record());
    synchronized (r) {
      r.failures++;
      if (r.failures >= maxFailures) {
        r.skipUntil = clock.getAsLong() + coolDownNanos;
        r.failures = 0;
      }
    }
  }

  public void succeeded(String url) {
    if (records.containsKey(url)) {
      records.remove(url);
    }
  }
}
