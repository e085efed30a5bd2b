package io.meridian.gateway.edge;

import io.meridian.gateway.filter.FilterChain;
import io.meridian.gateway.proxy.BackendProxy;
import io.meridian.gateway.proxy.UpstreamSelector;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Throttle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.List;

/**
 * One event loop's share of the gateway: its own listener on the shared port (Vert.x spreads
 * connections over the instances) and its own backend client, so a request is accepted, checked,
 * forwarded and answered on one thread without a hand-off.
 */
final class GatewayVerticle extends VerticleBase {

  private final EdgeSettings settings;
  private final StateHolder holder;
  private final UpstreamSelector selector;
  private final Throttle throttle;
  private final AccessLog accessLog;
  private final TrafficMeter meter;
  private HttpServer server;
  private HttpClient client;

  GatewayVerticle(
      EdgeSettings settings,
      StateHolder holder,
      UpstreamSelector selector,
      Throttle throttle,
      AccessLog accessLog,
      TrafficMeter meter) {
    this.settings = settings;
    this.holder = holder;
    this.selector = selector;
    this.throttle = throttle;
    this.accessLog = accessLog;
    this.meter = meter;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(clientOptions(), poolOptions());
    FilterChain chain =
        FilterChain.standard(
            settings.maxUriLength(),
            settings.maxHeaderBytes(),
            settings.maxBodyBytes(),
            throttle,
            holder.freshness());
    BackendProxy proxy =
        new BackendProxy(
            vertx,
            client,
            selector,
            settings.maxBodyBytes(),
            settings.connectTimeoutMillis(),
            settings.hiddenResponseHeaders());
    server =
        vertx
            .createHttpServer(serverOptions())
            .requestHandler(
                new GatewayHandler(holder, chain, proxy, accessLog, meter, settings.servedBy()))
            .invalidRequestHandler(InvalidRequests::answer);
    return server.listen(settings.port(), settings.host());
  }

  @Override
  public Future<?> stop() {
    return server.close().compose(v -> client.close());
  }

  int actualPort() {
    return server.actualPort();
  }

  /** Runs {@code task} on this verticle's event loop, behind whatever it is doing now. */
  void onLoop(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  private HttpServerOptions serverOptions() {
    HttpServerOptions o =
        new HttpServerOptions()
            .setTcpNoDelay(true)
            .setIdleTimeout(settings.idleTimeoutSeconds())
            // Above the gateway's own limits, so that the limits filter answers 414/431 in the
            // problem shape; beyond these, the invalid-request handler does.
            .setMaxInitialLineLength(Math.max(65_536, settings.maxUriLength() * 2))
            .setMaxHeaderSize(Math.max(65_536, settings.maxHeaderBytes() * 2))
            .setCompressionSupported(false)
            // HTTP/2 only by ALPN over TLS: no cleartext upgrade (h2c) on the public port.
            .setHttp2ClearTextEnabled(false);
    if (settings.tls()) {
      o.setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(settings.tlsCertFile())
                  .setKeyPath(settings.tlsKeyFile()));
      if (settings.http2()) {
        o.setUseAlpn(true).setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
      }
    }
    return o;
  }

  private HttpClientOptions clientOptions() {
    HttpClientOptions o =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setKeepAlive(true)
            .setKeepAliveTimeout(60)
            .setTcpNoDelay(true)
            .setVerifyHost(true)
            .setDecompressionSupported(false)
            .setConnectTimeout(settings.connectTimeoutMillis())
            .setName("meridian-backends");
    if (settings.backendCaFile() != null && !settings.backendCaFile().isBlank()) {
      o.setTrustOptions(new PemTrustOptions().addCertPath(settings.backendCaFile()));
    }
    return o;
  }

  private PoolOptions poolOptions() {
    return new PoolOptions()
        .setHttp1MaxSize(settings.maxConnectionsPerBackend())
        .setMaxWaitQueueSize(settings.maxWaitingPerBackend());
  }
}
