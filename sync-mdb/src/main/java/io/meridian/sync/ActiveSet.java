package io.meridian.sync;

import io.meridian.shared.artifact.DeploymentAck;
import io.meridian.shared.log.LogFields;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this node serves: an immutable map of API id to artifact, read by anyone at any time without
 * a lock, and replaced under the sync's one lock, held only for the swap and, once the gateway
 * serves the new map, the last-known-good cache's small file; never across a fetch or a wait.
 * Results are compared with what is active at swap time, so one computed earlier never overwrites a
 * newer one: an API only moves to a later publication, and the reconciled manifest only grows.
 * After the swap the gateway is handed the newest map (in order: the last activation always carries
 * the latest swap) and the master is acknowledged.
 */
final class ActiveSet {

  private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());

  /** What changed in one swap. */
  record Applied(Map<String, ActiveApi> updated, Set<String> removed) {
    boolean changed() {
      return !updated.isEmpty() || !removed.isEmpty();
    }
  }

  private final LastKnownGoodCache cache;
  private final ApiActivation activation;
  private final Consumer<List<DeploymentAck>> acks;
  private final String datacenter;
  private final String node;
  private final Object swap = new Object();

  /**
   * Orders activations apart from the swap: the gateway's rebuild may wait for its own database
   * read, and swaps need not wait for that.
   */
  private final Object activating = new Object();

  private volatile Map<String, ActiveApi> apis = Map.of();
  private volatile long reconciledManifest;
  private volatile long activeManifestRevision;

  /**
   * APIs retired by an announcement, with the publication that retired them, until a manifest at
   * least as new is reconciled: an older announcement arriving late must not bring them back.
   * Written under the lock only.
   */
  private final Map<String, Long> retired = new ConcurrentHashMap<>();

  ActiveSet(
      LastKnownGoodCache cache,
      ApiActivation activation,
      Consumer<List<DeploymentAck>> acks,
      String datacenter,
      String node) {
    this.cache = cache;
    this.activation = activation;
    this.acks = acks;
    this.datacenter = datacenter;
    this.node = node;
  }

  /** Serves what the node served before it stopped; returns whether there was anything. */
  boolean restore() {
    boolean any;
    synchronized (swap) {
      Map<String, ActiveApi> restored = Map.of();
      try {
        restored = Map.copyOf(cache.readActive());
        if (!restored.isEmpty()) {
          int count = restored.size();
          LOG.info(() -> "Serving " + count + " APIs from the last-known-good cache");
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Cannot read the last-known-good cache; starting empty", e);
      }
      apis = restored;
      activeManifestRevision = newestRevision();
      any = !restored.isEmpty();
    }
    activateLatest();
    return any;
  }

  /** What is served now (immutable). */
  Map<String, ActiveApi> apis() {
    return apis;
  }

  /** The last manifest revision fully applied by reconciliation (0: none yet). */
  long reconciledManifest() {
    return reconciledManifest;
  }

  /** The newest manifest revision reflected in what is active (the reconciled one at least). */
  long activeManifestRevision() {
    return activeManifestRevision;
  }

  /**
   * Whether the publication at manifest revision {@code publishedAt} of this API is reflected
   * already: served, or superseded by a later publication or a reconciled manifest.
   */
  boolean reflects(String apiId, long publishedAt) {
    ActiveApi current = apis.get(apiId);
    if (current != null && current.publishedAt() >= publishedAt) {
      return true;
    }
    return publishedAt <= reconciledManifest || publishedAt <= retiredAt(apiId);
  }

  /** Activates one announced publication, unless something newer was activated meanwhile. */
  Applied announced(String apiId, ActiveApi candidate) {
    Applied applied;
    synchronized (swap) {
      if (reflects(apiId, candidate.publishedAt())) {
        return new Applied(Map.of(), Set.of());
      }
      applied = swap(Map.of(apiId, candidate), Set.of());
    }
    activated(applied);
    return applied;
  }

  /**
   * Applies what reconciling with manifest {@code revision} found; a manifest older than the one
   * reconciled already changes nothing. An update only replaces an API published before {@code
   * revision}; a removal only removes one published before it.
   */
  Applied reconciled(long revision, Map<String, ActiveApi> updates, Set<String> removals) {
    Applied applied;
    synchronized (swap) {
      if (revision < reconciledManifest) {
        return new Applied(Map.of(), Set.of());
      }
      Map<String, ActiveApi> current = apis;
      Map<String, ActiveApi> fresh = new LinkedHashMap<>();
      updates.forEach(
          (apiId, a) -> {
            ActiveApi now = current.get(apiId);
            boolean newer =
                now == null ? retiredAt(apiId) < revision : now.publishedAt() < revision;
            if (newer && (now == null || !now.sha256().equals(a.sha256()))) {
              fresh.put(apiId, a);
            }
          });
      Set<String> gone =
          Set.copyOf(
              removals.stream()
                  .filter(id -> current.containsKey(id) && current.get(id).publishedAt() < revision)
                  .toList());
      reconciledManifest = revision;
      retired.values().removeIf(at -> at <= revision);
      applied = swap(fresh, gone);
    }
    activated(applied);
    return applied;
  }

  /** Builds and records the next map (under the lock). */
  private Applied swap(Map<String, ActiveApi> updates, Set<String> removals) {
    Applied applied = new Applied(Map.copyOf(updates), removals);
    if (!applied.changed()) {
      activeManifestRevision = newestRevision();
      return applied;
    }
    Map<String, ActiveApi> next = new LinkedHashMap<>(apis);
    removals.forEach(next::remove);
    updates.forEach(
        (apiId, a) -> {
          if (a.artifact().routed()) {
            next.put(apiId, a);
          } else {
            next.remove(apiId);
            retired.merge(apiId, a.publishedAt(), Math::max);
          }
        });
    apis = Map.copyOf(next);
    activeManifestRevision = newestRevision();
    return applied;
  }

  /**
   * Records what is active now in the last-known-good cache, after the gateway has it: a node that
   * stops in between serves the set before on its restart, and reconciles. Always the latest set,
   * so writes that race each other still leave the newest one.
   */
  private void remember() {
    synchronized (swap) {
      try {
        cache.writeActive(apis);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Cannot write the last-known-good cache", e);
      }
    }
  }

  /** Hands the gateway the newest map, logs what became active and tells the master (no lock). */
  private void activated(Applied applied) {
    if (!applied.changed()) {
      return;
    }
    activateLatest();
    remember();
    applied
        .updated()
        .forEach(
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
                    LogFields.of("api", apiId, "node", node, "revision", a.artifact().revision())));
    acknowledge(applied.updated());
  }

  private void activateLatest() {
    synchronized (activating) {
      activation.activate(apis);
    }
  }

  private void acknowledge(Map<String, ActiveApi> updated) {
    if (updated.isEmpty()) {
      return;
    }
    String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
    List<DeploymentAck> list = new ArrayList<>();
    updated.forEach(
        (apiId, a) ->
            list.add(
                new DeploymentAck(
                    datacenter,
                    node,
                    apiId,
                    a.artifact().revision(),
                    a.artifact().state(),
                    a.sha256(),
                    a.publishedAt(),
                    now)));
    acks.accept(list);
  }

  private long retiredAt(String apiId) {
    return retired.getOrDefault(apiId, 0L);
  }

  private long newestRevision() {
    long newest = reconciledManifest;
    for (ActiveApi a : apis.values()) {
      newest = Math.max(newest, a.publishedAt());
    }
    return newest;
  }
}
