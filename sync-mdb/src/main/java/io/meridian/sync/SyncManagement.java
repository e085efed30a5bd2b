package io.meridian.sync;

import io.meridian.shared.management.PlatformMBeans;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The sync's figures for operators, from one source for both: the {@link SyncMXBean} {@code
 * io.meridian:type=Sync} and the {@code meridian_sync_*} gauges of the application's metric
 * registry. The replica's position is read by a task of its own every {@link #PROBE_SECONDS}
 * seconds (with a query timeout), so no reader ever waits on the database.
 */
final class SyncManagement implements SyncMXBean, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SyncManagement.class.getName());

  static final String OBJECT_NAME = "io.meridian:type=Sync";
  static final long PROBE_SECONDS = 2;

  /** A reading older than this is not reported (the probe is stuck or failing). */
  private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final SyncCoordinator coordinator;
  private final Replica replica;
  private final Instance<StateReload> stateReload;
  private final MetricRegistry metrics;
  private final ThreadFactory threads;
  private final List<String> gauges = new ArrayList<>();
  private ScheduledExecutorService probe;
  private ObjectName name;
  private volatile ReplicaPosition position = ReplicaPosition.UNKNOWN;
  private volatile long positionReadAt = System.nanoTime();

  SyncManagement(
      SyncCoordinator coordinator,
      Replica replica,
      Instance<StateReload> stateReload,
      MetricRegistry metrics,
      ThreadFactory threads) {
    this.coordinator = coordinator;
    this.replica = replica;
    this.stateReload = stateReload;
    this.metrics = metrics;
    this.threads = threads;
  }

  void start() {
    probe = Executors.newSingleThreadScheduledExecutor(threads);
    probe.scheduleWithFixedDelay(this::readPosition, 0, PROBE_SECONDS, TimeUnit.SECONDS);
    name = PlatformMBeans.register(this, OBJECT_NAME);
    if (metrics != null) {
      gauge(
          "meridian_sync_active_manifest_revision",
          "The newest manifest revision this node serves",
          this::getActiveManifestRevision);
      gauge(
          "meridian_sync_last_known_good_revision",
          "The newest manifest revision in the node's last-known-good cache",
          this::getLastKnownGoodRevision);
      gauge(
          "meridian_sync_rejected_artifacts",
          "Artifacts or manifests refused now (an alarm when above zero)",
          this::getRejectedArtifacts);
      gauge(
          "meridian_sync_artifact_server_reachable",
          "1 when the last contact with the artifact server reached it, else 0",
          () -> isArtifactServerReachable() ? 1 : 0);
      gauge(
          "meridian_sync_replica_lag_seconds",
          "Seconds since the last replayed transaction was committed on the master"
              + " (0 on a primary, -1 unknown)",
          this::getReplicaLagSeconds);
      gauge(
          "meridian_sync_last_announcement_timestamp_seconds",
          "When the last announcement arrived, in seconds since the epoch (0: none yet)",
          () -> {
            Instant at = coordinator.lastAnnouncementAt();
            return at == null ? 0 : at.getEpochSecond();
          });
    }
  }

  private void gauge(String gaugeName, String description, Supplier<? extends Number> value) {
    try {
      metrics.gauge(
          Metadata.builder().withName(gaugeName).withDescription(description).build(),
          () -> value.get().doubleValue());
      gauges.add(gaugeName);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot register the metric " + gaugeName, e);
    }
  }

  private void readPosition() {
    try {
      position = replica.position();
      positionReadAt = System.nanoTime();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the probe is being shut down
    } catch (Exception e) {
      LOG.log(Level.FINE, "Cannot read the replica's position", e);
      position = ReplicaPosition.UNKNOWN;
      positionReadAt = System.nanoTime();
    }
  }

  private ReplicaPosition position() {
    return System.nanoTime() - positionReadAt > STALE_NANOS ? ReplicaPosition.UNKNOWN : position;
  }

  @Override
  public void close() {
    if (probe != null) {
      probe.shutdownNow();
    }
    PlatformMBeans.unregister(name);
    if (metrics != null) {
      gauges.forEach(metrics::remove);
    }
  }

  @Override
  public String getLastAnnouncement() {
    return coordinator.lastAnnouncement();
  }

  @Override
  public String getLastAnnouncementTime() {
    Instant at = coordinator.lastAnnouncementAt();
    return at == null ? "" : at.toString();
  }

  @Override
  public long getActiveManifestRevision() {
    return coordinator.activeManifestRevision();
  }

  @Override
  public long getReconciledManifestRevision() {
    return coordinator.reconciledManifestRevision();
  }

  @Override
  public String getReplicaReplayLsn() {
    return position().replayLsn();
  }

  @Override
  public double getReplicaLagSeconds() {
    return position().lagSeconds();
  }

  @Override
  public boolean isArtifactServerReachable() {
    return coordinator.artifactServerReachable();
  }

  @Override
  public long getLastKnownGoodRevision() {
    return coordinator.lastKnownGoodRevision();
  }

  @Override
  public long getRejectedArtifacts() {
    return coordinator.rejectedArtifacts();
  }

  @Override
  public String getLastRejectionReason() {
    return coordinator.lastRejection();
  }

  @Override
  public boolean isRestoredFromCache() {
    return coordinator.restoredFromCache();
  }

  @Override
  public String resync() {
    coordinator.reconcile();
    SyncStatus s = coordinator.status();
    return "manifest "
        + s.reconciledManifest()
        + " reconciled, "
        + s.apis().size()
        + " APIs active, artifact server "
        + (coordinator.artifactServerReachable() ? "reachable" : "unreachable")
        + (s.lastError() == null ? "" : "; last error: " + s.lastError());
  }

  @Override
  public String reloadState() {
    if (stateReload == null || !stateReload.isResolvable()) {
      return "no gateway state to reload in this deployment";
    }
    try {
      return stateReload.get().reload();
    } catch (Exception e) {
      // Only the message: a JMX client need not have the exception's class.
      throw new IllegalStateException("Reload failed: " + e.getMessage());
    }
  }
}
