package io.meridian.sync;

/**
 * A gateway node's sync, for operators: {@code io.meridian:type=Sync} on the node's platform MBean
 * server. Reading an attribute never waits for the artifact server or the database: the replica's
 * position is read by a background task every few seconds and reported as last read.
 */
public interface SyncMXBean {

  /**
   * The last announcement received from the broker, as {@code "api ID revision N STATE manifest
   * M"}; empty when none arrived since the node started (a node can serve without any: see
   * reconciliation).
   */
  String getLastAnnouncement();

  /** When the last announcement arrived, ISO-8601 in UTC; empty when none did. */
  String getLastAnnouncementTime();

  /**
   * The newest manifest revision this node serves: the last signed manifest it reconciled with, or
   * a newer one whose announcement it has activated since (0: nothing yet).
   */
  long getActiveManifestRevision();

  /** The last manifest revision fully applied by reconciliation (0: none yet). */
  long getReconciledManifestRevision();

  /**
   * The DC database's WAL replay position, {@code pg_last_wal_replay_lsn()}, as of the last read
   * (every few seconds); empty on a primary (a node in the master DC) or when the database cannot
   * be read.
   */
  String getReplicaReplayLsn();

  /**
   * Seconds since the last transaction the standby replayed was committed on the master ({@code now
   * - pg_last_xact_replay_timestamp()}), as of the last read; 0 on a primary, -1 when unknown. It
   * also grows while the master commits nothing, so read it with {@link #getReplicaReplayLsn()}: a
   * lag that grows while the LSN stands still and the master is idle is no lag.
   */
  double getReplicaLagSeconds();

  /**
   * Whether the last contact with the artifact server (a manifest read by reconciliation, or an
   * artifact fetch) reached it; false until the first contact. Answers that were refused (bad hash
   * or signature) count as reached.
   */
  boolean isArtifactServerReachable();

  /**
   * The newest manifest revision recorded in the node's last-known-good cache: what it would serve
   * after a restart with the master DC unreachable (0: nothing cached).
   */
  long getLastKnownGoodRevision();

  /**
   * Artifacts (or manifests) refused now — bad hash, bad or missing signature, unknown key, bad
   * format — counted once each; one that verifies later is no longer counted. Above zero is an
   * alarm: the previous revision keeps serving.
   */
  long getRejectedArtifacts();

  /** Why the last artifact or manifest was refused; empty when none was. */
  String getLastRejectionReason();

  /** Whether the node started serving from its last-known-good cache. */
  boolean isRestoredFromCache();

  /**
   * Re-reads the signed manifest now and repairs what differs (what the reconciliation timer does
   * every {@code meridian.gateway.sync.reconcile-seconds}); waits for it. Returns the outcome in
   * one line.
   */
  String resync();

  /**
   * Rebuilds the gateway's state — keys, subscriptions, revocations, policies — from the DC's
   * database now, even if the change log says nothing changed; waits for it. Returns the state's
   * change-log sequence and API count, in one line.
   */
  String reloadState();
}
