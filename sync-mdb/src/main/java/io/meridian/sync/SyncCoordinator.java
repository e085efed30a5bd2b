package io.meridian.sync;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ArtifactStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Decides what this gateway node serves, through three ways in: the last-known-good cache at start,
 * announcements as they arrive ({@link AnnouncementHandler}), and a reconciliation timer against
 * the signed manifest that repairs anything missed ({@link Reconciler}). This bean only wires them
 * and answers operators: they run concurrently, fetch and wait without a lock, and meet in the
 * {@link ActiveSet}, whose swap is the one thing serialized.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncCoordinator {

  @Resource(lookup = SyncSettings.DATA_SOURCE)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject SyncSettings settings;
  @Inject ApiActivation activation;
  @Inject DeploymentAcks acks;
  @Inject Instance<StateReload> stateReload;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  /**
   * The sync bean's own thread, for reconciliation and announcement retries: reading an unreachable
   * artifact server blocks it for up to the read timeout, which must not hold up the container's
   * shared scheduler (the gateway's change follower runs there).
   */
  private ScheduledExecutorService scheduler;

  /**
   * Sends acknowledgements, in order, after the activation they report: the gateway serves the new
   * API before the master hears of it, and the announcement's thread is free sooner. Tests send on
   * the calling thread.
   */
  private ExecutorService acknowledging;

  private ScheduledFuture<?> reconciliation;
  private SyncManagement management;

  private final SyncFigures figures = new SyncFigures();
  private LastKnownGoodCache cache;
  private Rejections rejections;
  private ActiveSet active;
  private AnnouncementHandler announcements;
  private Reconciler reconciler;

  @PostConstruct
  void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    acknowledging = Executors.newSingleThreadExecutor(threads);
    Replica replica = new JdbcReplica(dataSource);
    init(
        replica,
        ArtifactStore.at(
            settings.artifactsLocation(),
            settings.artifactsTimeoutMillis(),
            settings.artifactsOptions()),
        new LastKnownGoodCache(Path.of(settings.cacheDir())),
        RetrySchedule.on(scheduler));
    restore();
    reconciliation =
        scheduler.scheduleWithFixedDelay(
            this::reconcile, 0, settings.reconcileSeconds(), TimeUnit.SECONDS);
    management = new SyncManagement(this, replica, stateReload, metrics, threads);
    management.start();
  }

  /** Wires the parts without retries (tests). */
  void init(Replica replica, ArtifactStore store, LastKnownGoodCache cache) {
    init(replica, store, cache, RetrySchedule.none());
  }

  /** Wires the parts (the container does it through {@link #start()}; tests directly). */
  void init(Replica replica, ArtifactStore store, LastKnownGoodCache cache, RetrySchedule retries) {
    ReplicaGate gate = new ReplicaGate(replica, settings.replicaWaitMillis());
    this.cache = cache;
    this.rejections = new Rejections(settings.node(), figures);
    VerifiedArtifacts artifacts =
        new VerifiedArtifacts(new ArtifactFetcher(store, replica), cache, rejections, figures);
    DeploymentAcks sender = acks;
    Executor ackThread = acknowledging == null ? Runnable::run : acknowledging;
    this.active =
        new ActiveSet(
            cache,
            activation,
            list -> {
              if (sender != null) {
                ackThread.execute(() -> sender.send(list));
              }
            },
            settings.datacenter(),
            settings.node());
    this.announcements =
        new AnnouncementHandler(
            active, artifacts, gate, rejections, figures, retries, settings.node());
    this.reconciler = new Reconciler(active, artifacts, gate, rejections, figures);
  }

  @PreDestroy
  void stop() {
    if (management != null) {
      management.close();
    }
    if (reconciliation != null) {
      reconciliation.cancel(false);
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (acknowledging != null) {
      acknowledging.shutdown();
    }
  }

  /** Serves what the node served before it stopped, before asking anyone anything. */
  void restore() {
    figures.restoredFromCache(active.restore());
  }

  /** Handles an announcement; returns whether it is now reflected (activated or already newer). */
  public boolean onAnnouncement(Announcement a) {
    return announcements.onAnnouncement(a);
  }

  /** Brings the active set in line with the latest signed manifest. */
  public void reconcile() {
    reconciler.reconcile();
  }

  /**
   * The newest manifest revision this node serves: the last manifest reconciled, or a newer one
   * whose announcement was activated since (0: nothing yet).
   */
  public long activeManifestRevision() {
    return active == null ? 0 : active.activeManifestRevision();
  }

  /** What the node serves and what went wrong, for {@code /-/sync}; never waits. */
  public SyncStatus status() {
    Map<String, String> apis = new LinkedHashMap<>();
    active
        .apis()
        .forEach(
            (id, a) ->
                apis.put(
                    id, a.artifact().revision() + " " + a.artifact().state() + " " + a.sha256()));
    return new SyncStatus(
        active.reconciledManifest(),
        apis,
        rejections.count(),
        figures.lastError(),
        figures.restoredFromCache());
  }

  long reconciledManifestRevision() {
    return active.reconciledManifest();
  }

  boolean restoredFromCache() {
    return figures.restoredFromCache();
  }

  long lastKnownGoodRevision() {
    return cache == null ? 0 : cache.revision();
  }

  int rejectedArtifacts() {
    return rejections.count();
  }

  String lastRejection() {
    return rejections.last();
  }

  String lastAnnouncement() {
    return figures.lastAnnouncement();
  }

  /** When the last announcement arrived, or null. */
  Instant lastAnnouncementAt() {
    return figures.lastAnnouncementAt();
  }

  boolean artifactServerReachable() {
    return figures.artifactServerReachable();
  }
}
