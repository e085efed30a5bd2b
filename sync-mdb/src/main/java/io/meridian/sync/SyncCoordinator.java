package io.meridian.sync;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.ArtifactStore;
import io.meridian.shared.artifact.DeploymentAck;
import io.meridian.shared.artifact.Manifest;
import io.meridian.shared.log.LogFields;
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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Decides what this gateway node serves. Three ways in, one at a time (synchronized): the last
 * known good cache at start, announcements as they arrive, and a reconciliation timer against the
 * signed manifest that repairs anything missed. Nothing is activated that failed verification, and
 * an announced revision waits until the local replica has replayed the master's WAL position, so
 * the subscriptions and keys it needs are there.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncCoordinator {

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());
  private static final long REPLICA_POLL_MILLIS = 20;
  private static final long RETRY_MILLIS = 1000;
  private static final int MAX_RETRIES = 300;

  @Resource(lookup = SyncSettings.DATA_SOURCE)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  /**
   * The sync bean's own thread, for reconciliation and announcement retries: reading an unreachable
   * artifact server blocks it for up to the read timeout, which must not hold up the container's
   * shared scheduler (the gateway's change follower runs there).
   */
  private ScheduledExecutorService scheduler;

  @Inject SyncSettings settings;
  @Inject ApiActivation activation;
  @Inject DeploymentAcks acks;
  @Inject Instance<StateReload> stateReload;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private SyncManagement management;

  private Replica replica;
  private ArtifactFetcher fetcher;
  private LastKnownGoodCache cache;
  private ScheduledFuture<?> reconciler;

  private Map<String, ActiveApi> active = Map.of();
  private volatile long reconciledManifest;
  private final Set<String> rejected = new HashSet<>();
  private String lastError;
  private volatile boolean restoredFromCache;
  private boolean manifestUnreachable;

  // Read by operators (JMX, metrics) without taking the coordinator's lock, which a reconciliation
  // against an unreachable artifact server holds for seconds.
  private volatile long activeManifestRevision;
  private volatile int rejectedCount;
  private volatile String lastRejection = "";
  private volatile String lastAnnouncement = "";
  private volatile Instant lastAnnouncementAt;
  private volatile boolean artifactServerReachable;

  @PostConstruct
  void start() {
    init(
        new JdbcReplica(dataSource),
        ArtifactStore.at(settings.artifactsLocation(), settings.artifactsTimeoutMillis()),
        new LastKnownGoodCache(Path.of(settings.cacheDir())));
    restore();
    scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    reconciler =
        scheduler.scheduleWithFixedDelay(
            this::reconcile, 0, settings.reconcileSeconds(), TimeUnit.SECONDS);
    management = new SyncManagement(this, replica, stateReload, metrics, threads);
    management.start();
  }

  /** Wires the collaborators (the container does it through {@link #start()}; tests directly). */
  void init(Replica replica, ArtifactStore store, LastKnownGoodCache cache) {
    this.replica = replica;
    this.fetcher = new ArtifactFetcher(store, replica);
    this.cache = cache;
  }

  @PreDestroy
  void stop() {
    if (management != null) {
      management.close();
    }
    if (reconciler != null) {
      reconciler.cancel(false);
      scheduler.shutdownNow();
    }
  }

  /** Serves what the node served before it stopped, before asking anyone anything. */
  synchronized void restore() {
    try {
      Map<String, ActiveApi> restored = cache.readActive();
      restoredFromCache = !restored.isEmpty();
      active = Map.copyOf(restored);
      if (restoredFromCache) {
        LOG.info(() -> "Serving " + active.size() + " APIs from the last-known-good cache");
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the last-known-good cache; starting empty", e);
    }
    activeManifestRevision = newestRevision();
    activation.activate(active);
  }

  /** Handles an announcement; returns whether it is now reflected (activated or already newer). */
  public boolean onAnnouncement(Announcement a) {
    lastAnnouncement =
        "api "
            + a.apiId()
            + " revision "
            + a.revision()
            + " "
            + a.state()
            + " manifest "
            + a.manifestRevision();
    lastAnnouncementAt = Instant.now();
    return onAnnouncement(a, 0);
  }

  private synchronized boolean onAnnouncement(Announcement a, int attempt) {
    ActiveApi current = active.get(a.apiId());
    if (current != null && current.publishedAt() >= a.manifestRevision()) {
      return true;
    }
    if (current == null && "RETIRED".equals(a.state())) {
      return true;
    }
    ApiArtifact artifact;
    try {
      artifact = verified(a.sha256());
    } catch (ArtifactException e) {
      reject(a.sha256(), e);
      return false;
    } catch (IOException | RuntimeException e) {
      return retryLater(a, attempt, "Cannot fetch artifact " + a.sha256() + ": " + e.getMessage());
    }
    if (!artifact.apiId().equals(a.apiId())) {
      reject(a.sha256(), new ArtifactException("mismatch", "Artifact is not for API " + a.apiId()));
      return false;
    }
    try {
      if (!waitForReplica(a.lsn())) {
        return retryLater(
            a, attempt, "The replica has not replayed " + a.lsn() + " yet; activation waits");
      }
    } catch (Exception e) {
      return retryLater(a, attempt, "Cannot read the replica's position: " + e.getMessage());
    }
    apply(Map.of(a.apiId(), new ActiveApi(a.sha256(), a.manifestRevision(), artifact)), Set.of());
    return true;
  }

  private boolean retryLater(Announcement a, int attempt, String why) {
    lastError = why;
    if (attempt == 0) {
      LogFields.info(LOG, why, LogFields.of("api", a.apiId(), "node", settings.node()));
    }
    if (attempt < MAX_RETRIES && scheduler != null) {
      scheduler.schedule(() -> onAnnouncement(a, attempt + 1), RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  private boolean waitForReplica(String lsn) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.replicaWaitMillis());
    while (!replica.hasReplayed(lsn)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(REPLICA_POLL_MILLIS);
    }
    return true;
  }

  /** Brings the active set in line with the latest signed manifest. */
  public synchronized void reconcile() {
    Optional<Manifest> latest;
    try {
      latest = fetcher.latestManifest();
      artifactServerReachable = true;
      if (manifestUnreachable) {
        LOG.info("Artifact server reachable again");
      }
      manifestUnreachable = false;
    } catch (ArtifactException e) {
      artifactServerReachable = true;
      reject("manifest", e);
      return;
    } catch (IOException | RuntimeException e) {
      artifactServerReachable = false;
      if (!manifestUnreachable) {
        LOG.warning("Cannot read the manifest (serving what is active): " + e.getMessage());
      }
      manifestUnreachable = true;
      lastError = "manifest unreachable: " + e.getMessage();
      return;
    }
    if (latest.isEmpty() || latest.get().revision() < reconciledManifest) {
      return;
    }
    Manifest manifest = latest.get();
    try {
      if (replica.visibleManifestRevision() < manifest.revision()) {
        lastError = "replica behind manifest " + manifest.revision();
        return;
      }
    } catch (Exception e) {
      lastError = "cannot read the replica: " + e.getMessage();
      return;
    }
    Map<String, ActiveApi> updates = new HashMap<>();
    for (Manifest.Entry entry : manifest.entries()) {
      ActiveApi current = active.get(entry.apiId());
      if (current != null
          && (current.sha256().equals(entry.sha256())
              || current.publishedAt() >= manifest.revision())) {
        continue;
      }
      try {
        ApiArtifact artifact = verified(entry.sha256());
        updates.put(entry.apiId(), new ActiveApi(entry.sha256(), manifest.revision(), artifact));
      } catch (ArtifactException e) {
        reject(entry.sha256(), e);
      } catch (IOException | RuntimeException e) {
        lastError = "cannot fetch " + entry.sha256() + ": " + e.getMessage();
        return;
      }
    }
    Set<String> listed = new HashSet<>();
    manifest.entries().forEach(e -> listed.add(e.apiId()));
    Set<String> removals = new HashSet<>();
    active.forEach(
        (apiId, a) -> {
          if (!listed.contains(apiId) && a.publishedAt() < manifest.revision()) {
            removals.add(apiId);
          }
        });
    if (!updates.isEmpty() || !removals.isEmpty()) {
      LOG.info(
          () ->
              "Reconciled with manifest "
                  + manifest.revision()
                  + ": "
                  + updates.size()
                  + " updated, "
                  + removals.size()
                  + " removed");
      apply(updates, removals);
    }
    reconciledManifest = manifest.revision();
    activeManifestRevision = newestRevision();
  }

  /**
   * A verified artifact: from the cache if this node has it, else fetched, checked, parsed (an
   * unreadable one is an ArtifactException) and only then cached.
   */
  private ApiArtifact verified(String sha256) throws IOException {
    Optional<byte[]> cached = cache.artifact(sha256);
    if (cached.isPresent()) {
      return ApiArtifact.fromBytes(cached.get());
    }
    byte[] bytes;
    try {
      bytes = fetcher.artifact(sha256);
      artifactServerReachable = true;
    } catch (ArtifactException e) {
      artifactServerReachable = true; // reached: what it served was refused
      throw e;
    } catch (IOException | RuntimeException e) {
      artifactServerReachable = false;
      throw e;
    }
    ApiArtifact artifact = ApiArtifact.fromBytes(bytes);
    cache.storeArtifact(sha256, bytes);
    rejected.remove(sha256);
    rejectedCount = rejected.size();
    return artifact;
  }

  private void reject(String what, ArtifactException e) {
    lastError = "rejected " + what + " (" + e.code() + "): " + e.getMessage();
    lastRejection = lastError;
    boolean first = rejected.add(what);
    rejectedCount = rejected.size();
    if (first) {
      LogFields.log(
          LOG,
          Level.SEVERE,
          "ALARM: rejected "
              + what
              + " ("
              + e.code()
              + "): "
              + e.getMessage()
              + "; the active revision keeps serving",
          LogFields.of("node", settings.node(), "artifact", what, "reason", e.code()),
          null);
    }
  }

  private void apply(Map<String, ActiveApi> updates, Set<String> removals) {
    Map<String, ActiveApi> next = new LinkedHashMap<>(active);
    removals.forEach(next::remove);
    updates.forEach(
        (apiId, a) -> {
          if (a.artifact().routed()) {
            next.put(apiId, a);
          } else {
            next.remove(apiId);
          }
        });
    active = Map.copyOf(next);
    activeManifestRevision = newestRevision();
    try {
      cache.writeActive(active);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot write the last-known-good cache", e);
    }
    activation.activate(active);
    updates.forEach(
        (apiId, a) ->
            LogFields.info(
                LOG,
                "API "
                    + apiId
                    + " revision "
                    + a.artifact().revision()
                    + " "
                    + a.artifact().state()
                    + " active",
                LogFields.of(
                    "api", apiId, "node", settings.node(), "revision", a.artifact().revision())));
    String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
    List<DeploymentAck> list = new ArrayList<>();
    updates.forEach(
        (apiId, a) ->
            list.add(
                new DeploymentAck(
                    settings.datacenter(),
                    settings.node(),
                    apiId,
                    a.artifact().revision(),
                    a.artifact().state(),
                    a.sha256(),
                    a.publishedAt(),
                    now)));
    if (acks != null) {
      acks.send(list);
    }
  }

  /** The newest manifest revision reflected in what is active (the reconciled one at least). */
  private long newestRevision() {
    long newest = reconciledManifest;
    for (ActiveApi a : active.values()) {
      newest = Math.max(newest, a.publishedAt());
    }
    return newest;
  }

  /**
   * The newest manifest revision this node serves: the last manifest reconciled, or a newer one
   * whose announcement was activated since (0: nothing yet).
   */
  public long activeManifestRevision() {
    return activeManifestRevision;
  }

  long reconciledManifestRevision() {
    return reconciledManifest;
  }

  boolean restoredFromCache() {
    return restoredFromCache;
  }

  long lastKnownGoodRevision() {
    return cache == null ? 0 : cache.revision();
  }

  int rejectedArtifacts() {
    return rejectedCount;
  }

  String lastRejection() {
    return lastRejection;
  }

  String lastAnnouncement() {
    return lastAnnouncement;
  }

  /** When the last announcement arrived, or null. */
  Instant lastAnnouncementAt() {
    return lastAnnouncementAt;
  }

  boolean artifactServerReachable() {
    return artifactServerReachable;
  }

  public synchronized SyncStatus status() {
    Map<String, String> apis = new LinkedHashMap<>();
    active.forEach(
        (id, a) ->
            apis.put(id, a.artifact().revision() + " " + a.artifact().state() + " " + a.sha256()));
    return new SyncStatus(reconciledManifest, apis, rejected.size(), lastError, restoredFromCache);
  }
}
