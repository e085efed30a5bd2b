package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.ApiTraffic;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateHolder;
import io.meridian.shared.management.PlatformMBeans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the node's {@link GatewayFigures}: as the MXBean {@code io.meridian:type=Gateway}, and
 * as gauges in the application's metric registry ({@code /metrics}). Per-API gauges (tag {@code
 * api}) are added and removed by a task of its own every {@link #FOLLOW_SECONDS} seconds, as APIs
 * are routed and retired: never on the event loop, which only counts into the traffic meter.
 */
final class GatewayManagement implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayManagement.class.getName());

  static final String OBJECT_NAME = "io.meridian:type=Gateway";
  static final long FOLLOW_SECONDS = 5;

  /**
   * Per-API gauges: name, description, and what each reads from an API's traffic (given the meter's
   * clock now, for the window).
   */
  private record ApiGauge(
      String name, String description, BiFunction<ApiTraffic, Long, Number> of) {}

  private static final List<ApiGauge> API_GAUGES =
      List.of(
          new ApiGauge(
              "meridian_gateway_api_requests",
              "Requests to the API answered since the node started",
              (a, now) -> a.counts().requests()),
          new ApiGauge(
              "meridian_gateway_api_client_errors",
              "4xx answers for the API since the node started",
              (a, now) -> a.counts().clientErrors()),
          new ApiGauge(
              "meridian_gateway_api_server_errors",
              "5xx answers for the API since the node started",
              (a, now) -> a.counts().serverErrors()),
          new ApiGauge(
              "meridian_gateway_api_window_requests",
              "Requests to the API in the last minute",
              (a, now) -> a.window(now).count()),
          new ApiGauge(
              "meridian_gateway_api_latency_p50_millis",
              "Median latency of the API over the last minute, in milliseconds",
              (a, now) -> a.window(now).p50Millis()),
          new ApiGauge(
              "meridian_gateway_api_latency_p95_millis",
              "95th percentile latency of the API over the last minute, in milliseconds",
              (a, now) -> a.window(now).p95Millis()),
          new ApiGauge(
              "meridian_gateway_api_latency_p99_millis",
              "99th percentile latency of the API over the last minute, in milliseconds",
              (a, now) -> a.window(now).p99Millis()));

  private final GatewayFigures figures;
  private final StateHolder holder;
  private final MetricRegistry metrics;
  private final ThreadFactory threads;
  private final List<MetricID> nodeGauges = new ArrayList<>();
  private final Map<String, List<MetricID>> apiGauges = new HashMap<>();
  private ScheduledExecutorService follower;
  private ObjectName name;

  GatewayManagement(
      GatewayFigures figures, StateHolder holder, MetricRegistry metrics, ThreadFactory threads) {
    this.figures = figures;
    this.holder = holder;
    this.metrics = metrics;
    this.threads = threads;
  }

  void start() {
    name = PlatformMBeans.register(figures, OBJECT_NAME);
    if (metrics != null) {
      registerNodeGauges();
    }
    follower = Executors.newSingleThreadScheduledExecutor(threads);
    follower.scheduleWithFixedDelay(this::followApis, 0, FOLLOW_SECONDS, TimeUnit.SECONDS);
  }

  private void registerNodeGauges() {
    nodeGauge(
        "meridian_gateway_requests",
        "Requests answered since the node started",
        figures::getRequests);
    nodeGauge(
        "meridian_gateway_client_errors",
        "4xx answers since the node started",
        figures::getClientErrors);
    nodeGauge(
        "meridian_gateway_server_errors",
        "5xx answers since the node started",
        figures::getServerErrors);
    nodeGauge(
        "meridian_gateway_serving",
        "1 when the public port is served, else 0",
        () -> figures.isServing() ? 1 : 0);
    nodeGauge(
        "meridian_gateway_state_sequence",
        "Change-log sequence of the state served (-1: none yet)",
        figures::getStateSequence);
    nodeGauge(
        "meridian_gateway_replica_staleness_millis",
        "Age of the newest master heartbeat the replica has replayed (-1: none read yet)",
        figures::getReplicaStalenessMillis);
    nodeGauge("meridian_gateway_routes", "APIs routed now", figures::getRouteCount);
    nodeGauge(
        "meridian_gateway_verification_cache_size",
        "Verified tokens cached now",
        figures::getVerificationCacheSize);
    nodeGauge(
        "meridian_gateway_verification_cache_hit_rate",
        "Share of token verifications answered from the cache (0 to 1)",
        figures::getVerificationCacheHitRate);
    nodeGauge(
        "meridian_gateway_throttled_requests",
        "Requests refused with 429 since the node started",
        figures::getThrottledRequests);
    nodeGauge(
        "meridian_gateway_throttle_counters",
        "Throttle counters held now",
        figures::getThrottleCounters);
    nodeGauge(
        "meridian_gateway_throttle_live_nodes",
        "The datacenter's gateway nodes this node counts throttling with",
        figures::getThrottleLiveNodes);
  }

  private void nodeGauge(String gaugeName, String description, Supplier<Number> value) {
    MetricID id = gauge(gaugeName, description, value);
    if (id != null) {
      nodeGauges.add(id);
    }
  }

  private MetricID gauge(
      String gaugeName, String description, Supplier<Number> value, Tag... tags) {
    try {
      metrics.gauge(
          Metadata.builder().withName(gaugeName).withDescription(description).build(),
          () -> value.get().doubleValue(),
          tags);
      return new MetricID(gaugeName, tags);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot register the metric " + gaugeName, e);
      return null;
    }
  }

  /** Gives every API routed now its figures and gauges, and takes them from APIs retired. */
  void followApis() {
    try {
      GatewayState state = holder.state();
      if (state != null) {
        figures.meter().follow(state.routes().routes());
      }
      if (metrics == null) {
        return;
      }
      Map<String, ApiTraffic> current = new HashMap<>();
      figures.meter().apis().forEach(a -> current.put(a.apiId(), a));
      Iterator<Map.Entry<String, List<MetricID>>> it = apiGauges.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, List<MetricID>> e = it.next();
        if (!current.containsKey(e.getKey())) {
          e.getValue().forEach(metrics::remove);
          it.remove();
        }
      }
      current.forEach(
          (apiId, traffic) -> apiGauges.computeIfAbsent(apiId, id -> registerApi(traffic)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot follow the APIs' metrics", e);
    }
  }

  private List<MetricID> registerApi(ApiTraffic traffic) {
    Tag api = new Tag("api", traffic.apiId());
    List<MetricID> ids = new ArrayList<>();
    for (ApiGauge g : API_GAUGES) {
      MetricID id =
          gauge(
              g.name(), g.description(), () -> g.of().apply(traffic, figures.meter().nanos()), api);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.shutdownNow();
      try {
        follower.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    PlatformMBeans.unregister(name);
    if (metrics != null) {
      nodeGauges.forEach(metrics::remove);
      apiGauges.values().forEach(ids -> ids.forEach(metrics::remove));
      apiGauges.clear();
    }
  }
}
