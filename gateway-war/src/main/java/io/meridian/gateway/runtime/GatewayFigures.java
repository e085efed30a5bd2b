package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.ApiTraffic;
import io.meridian.gateway.edge.LatencyWindow;
import io.meridian.gateway.edge.TrafficMeter;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.ReplicaFreshness;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Throttle;
import io.meridian.gateway.token.TokenVerifier;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The node's figures, read from where the request path keeps them (the traffic meter, the state
 * snapshot, the token cache, the throttle): the one source of both the {@link GatewayMXBean} and
 * the {@code meridian_gateway_*} metrics.
 */
final class GatewayFigures implements GatewayMXBean {

  private final TrafficMeter meter;
  private final StateHolder holder;
  private final Throttle throttle;
  private final BooleanSupplier serving;
  private final LongSupplier activeManifestRevision;

  GatewayFigures(
      TrafficMeter meter,
      StateHolder holder,
      Throttle throttle,
      BooleanSupplier serving,
      LongSupplier activeManifestRevision) {
    this.meter = meter;
    this.holder = holder;
    this.throttle = throttle;
    this.serving = serving;
    this.activeManifestRevision = activeManifestRevision;
  }

  TrafficMeter meter() {
    return meter;
  }

  @Override
  public long getRequests() {
    return meter.totals().requests();
  }

  @Override
  public long getClientErrors() {
    return meter.totals().clientErrors();
  }

  @Override
  public long getServerErrors() {
    return meter.totals().serverErrors();
  }

  @Override
  public boolean isServing() {
    return serving.getAsBoolean();
  }

  @Override
  public long getActiveManifestRevision() {
    return activeManifestRevision.getAsLong();
  }

  @Override
  public long getStateSequence() {
    GatewayState state = holder.state();
    return state == null ? -1 : state.sequence();
  }

  @Override
  public long getReplicaStalenessMillis() {
    long lag = holder.freshness().lagMillis(System.currentTimeMillis());
    return lag == ReplicaFreshness.UNKNOWN ? -1 : lag;
  }

  @Override
  public int getRouteCount() {
    GatewayState state = holder.state();
    return state == null ? 0 : state.routes().size();
  }

  @Override
  public int getVerificationCacheSize() {
    TokenVerifier tokens = tokens();
    return tokens == null ? 0 : tokens.cacheSize();
  }

  @Override
  public double getVerificationCacheHitRate() {
    TokenVerifier tokens = tokens();
    if (tokens == null) {
      return 0;
    }
    long hits = tokens.cacheHits();
    long all = hits + tokens.cacheMisses();
    return all == 0 ? 0 : (double) hits / all;
  }

  private TokenVerifier tokens() {
    GatewayState state = holder.state();
    return state == null ? null : state.tokens();
  }

  @Override
  public long getThrottledRequests() {
    return throttle.refused();
  }

  @Override
  public int getThrottleCounters() {
    return throttle.counters();
  }

  @Override
  public int getThrottleLiveNodes() {
    return throttle.liveNodes();
  }

  @Override
  public ApiTrafficFigures[] getApis() {
    long now = meter.nanos();
    return meter.apis().stream()
        .map(a -> figures(a, now))
        .sorted(
            (x, y) ->
                (x.getContext() + "/" + x.getVersion())
                    .compareTo(y.getContext() + "/" + y.getVersion()))
        .toArray(ApiTrafficFigures[]::new);
  }

  static ApiTrafficFigures figures(ApiTraffic a, long nowNanos) {
    LatencyWindow.Summary w = a.window(nowNanos);
    return new ApiTrafficFigures(
        a.apiId(),
        a.context(),
        a.version(),
        a.counts().requests(),
        a.counts().clientErrors(),
        a.counts().serverErrors(),
        w.count(),
        w.p50Millis(),
        w.p95Millis(),
        w.p99Millis());
  }
}
