package io.meridian.gateway.runtime;

/**
 * A gateway node's figures for operators: {@code io.meridian:type=Gateway} on the node's platform
 * MBean server (the sync's are {@code io.meridian:type=Sync}). Totals count since the node started;
 * every attribute is read from memory, never from the database or the network.
 */
public interface GatewayMXBean {

  /** Requests the public port answered, whatever their status (an API matched or not). */
  long getRequests();

  /** Answers with a 4xx status, refusals by the gateway included; 499: the client went away. */
  long getClientErrors();

  /** Answers with a 5xx status: the gateway's own (502, 503, 504) and the backends' alike. */
  long getServerErrors();

  /** Whether the public port is served (false while the node starts or stops). */
  boolean isServing();

  /**
   * The newest manifest revision the node serves (the same figure as the sync's {@code
   * ActiveManifestRevision}).
   */
  long getActiveManifestRevision();

  /** The change-log sequence of the state served (keys, subscriptions, revocations); -1: none. */
  long getStateSequence();

  /**
   * How far behind the master the replica this node serves keys, subscriptions and revocations from
   * may be, in milliseconds: the age of the newest master heartbeat it has replayed; -1 until one
   * has been read. APIs that fail closed answer 503 beyond their own bound.
   */
  long getReplicaStalenessMillis();

  /** APIs routed now (published, deprecated or blocked). */
  int getRouteCount();

  /** Verified tokens cached now (each until it expires; the cache empties at 100,000). */
  int getVerificationCacheSize();

  /**
   * The share of token verifications answered from the cache, 0 to 1, since the current set of
   * signing keys was loaded (a key rotation starts a new cache); 0 before any verification.
   */
  double getVerificationCacheHitRate();

  /** Requests refused with 429 by the throttle since the node started. */
  long getThrottledRequests();

  /** Throttle counters held now: one per limit and key (subscription, application, API...). */
  int getThrottleCounters();

  /**
   * The datacenter's gateway nodes this node counts throttling with, itself included (1 when it
   * runs alone or is cut off from the others: it then enforces only its share of each limit).
   */
  int getThrottleLiveNodes();

  /**
   * Per-API traffic: totals since the node started and latency percentiles over the last minute
   * (between 50 and 60 s), one entry per API routed now.
   */
  ApiTrafficFigures[] getApis();
}
