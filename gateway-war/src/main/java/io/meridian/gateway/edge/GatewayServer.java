package io.meridian.gateway.edge;

import io.meridian.gateway.proxy.UpstreamHealth;
import io.meridian.gateway.proxy.UpstreamSelector;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Throttle;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's public port: a Vert.x instance with one {@link GatewayVerticle} per event loop. The
 * container starts it (and stops it) from the gateway WAR; it reads nothing from the container but
 * the {@link StateHolder} and the {@link Throttle} it was given, and records its traffic into the
 * {@link TrafficMeter} it was given.
 */
public final class GatewayServer implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final int port;
  private final List<GatewayVerticle> verticles;

  private GatewayServer(Vertx vertx, int port, List<GatewayVerticle> verticles) {
    this.vertx = vertx;
    this.port = port;
    this.verticles = List.copyOf(verticles);
  }

  /**
   * Starts the server and waits until it listens; throws if it cannot (port taken, unreadable
   * certificate), so that a node that cannot serve never reports ready.
   */
  public static GatewayServer start(
      EdgeSettings settings,
      StateHolder holder,
      Throttle throttle,
      AccessLog accessLog,
      TrafficMeter meter)
      throws Exception {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(settings.eventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(2)
                .setPreferNativeTransport(settings.nativeTransport())
                // No .vertx cache directory in the server's working directory.
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    UpstreamSelector selector =
        new UpstreamSelector(
            new UpstreamHealth(
                settings.maxFailures(), settings.coolDownMillis(), System::nanoTime));
    List<GatewayVerticle> verticles = new CopyOnWriteArrayList<>();
    try {
      vertx
          .deployVerticle(
              () -> {
                GatewayVerticle v =
                    new GatewayVerticle(settings, holder, selector, throttle, accessLog, meter);
                verticles.add(v);
                return v;
              },
              new DeploymentOptions()
                  .setInstances(settings.eventLoops())
                  .setThreadingModel(ThreadingModel.EVENT_LOOP))
          .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close().await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      throw e;
    } finally {
      // Starting Vert.x gave the calling (container) thread Netty's thread-local map: drop it.
      FastThreadLocal.removeAll();
    }
    return new GatewayServer(vertx, verticles.get(0).actualPort(), verticles);
  }

  /** The port it listens on (the configured one, or the one chosen for port 0). */
  public int port() {
    return port;
  }

  /** How many event loops serve the public port. */
  public int eventLoops() {
    return verticles.size();
  }

  /**
   * Whether every event loop runs a task queued behind its current work within {@code
   * timeoutMillis}: a loop that is blocked or stuck in a long computation does not. Called off the
   * event loops (a loop waiting for itself would never answer).
   */
  public boolean eventLoopsAnswer(long timeoutMillis) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(verticles.size());
    verticles.forEach(v -> v.onLoop(answered::countDown));
    return answered.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops listening and closes every connection, waiting up to 30 s. */
  @Override
  public void close() {
    try {
      vertx.close().await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The gateway server did not stop within 30 s", e);
    } finally {
      FastThreadLocal.removeAll();
    }
  }
}
