package io.meridian.gateway.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.meridian.gateway.edge.AccessLog;
import io.meridian.gateway.edge.EdgeSettings;
import io.meridian.gateway.edge.GatewayServer;
import io.meridian.gateway.edge.TrafficMeter;
import io.meridian.gateway.state.StateHolder;
import io.meridian.gateway.throttle.Peers;
import io.meridian.gateway.throttle.QuotaShares;
import io.meridian.gateway.throttle.Throttle;
import io.meridian.sync.SyncCoordinator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Starts the gateway's event-loop server on the public port when the WAR deploys, and stops it when
 * it undeploys. Deployment fails if the server cannot listen: a node that cannot serve must not
 * look healthy. Publishes the node's figures (JMX and metrics) while it serves.
 *
 * <p>Bean-managed concurrency: the health checks call in while other calls (a liveness probe
 * waiting for the event loops) are under way, and nothing here needs the container's lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GatewayLifecycle {

  private static final Logger LOG = Logger.getLogger(GatewayLifecycle.class.getName());

  @Inject GatewaySettings settings;
  @Inject StateHolder holder;
  @Inject QuotaReporter quotaReporter;
  @Inject JmsTrafficSender trafficSender;
  @Inject SyncCoordinator sync;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  @Resource ManagedThreadFactory threads;

  private volatile GatewayServer server;
  private volatile boolean stopping;
  private AccessLog accessLog;
  private volatile Throttle throttle;
  private Peers peers;
  private GatewayManagement management;

  /**
   * The throttle's synchronisation and the quota reports each have a thread of their own: the
   * container's shared scheduler also runs the sync bean's reconciliation, whose reads of an
   * unreachable artifact server block for seconds, and a node whose budgets are not renewed admits
   * next to nothing (a report that blocks on the broker must not stop them either).
   */
  private ScheduledExecutorService throttleSync;

  private ScheduledExecutorService quotaReports;

  /** Traffic reports too: a send blocked on the broker must not hold the quota reports back. */
  private ScheduledExecutorService trafficShipping;

  private TrafficShipper trafficShipper;

  @PostConstruct
  void start() {
    EdgeSettings edge = settings.edge();
    if (settings.accessLog()) {
      accessLog = new AccessLog(Path.of(settings.accessLogFile()), settings.node(), threads);
    }
    peers = datacenterPeers();
    throttle =
        new Throttle(peers, new QuotaShares(settings.datacenters()), System::currentTimeMillis);
    throttleSync = Executors.newSingleThreadScheduledExecutor(threads);
    throttleSync.scheduleWithFixedDelay(
        this::syncThrottle,
        settings.throttleSyncMillis(),
        settings.throttleSyncMillis(),
        TimeUnit.MILLISECONDS);
    quotaReports = Executors.newSingleThreadScheduledExecutor(threads);
    quotaReports.scheduleWithFixedDelay(
        this::reportQuotas,
        settings.quotaReportMillis(),
        settings.quotaReportMillis(),
        TimeUnit.MILLISECONDS);
    TrafficMeter meter = new TrafficMeter();
    trafficShipper = trafficShipper(meter);
    try {
      server = GatewayServer.start(edge, holder, throttle, accessLog, meter);
    } catch (Exception e) {
      if (accessLog != null) {
        accessLog.close();
      }
      throw new IllegalStateException(
          "The gateway cannot listen on " + edge.host() + ":" + edge.port(), e);
    }
    long shipSeconds = settings.trafficShipSeconds();
    trafficShipping = Executors.newSingleThreadScheduledExecutor(threads);
    trafficShipping.scheduleWithFixedDelay(
        trafficShipper, shipSeconds, shipSeconds, TimeUnit.SECONDS);
    LOG.info(
        () ->
            "Gateway serving on "
                + (edge.tls() ? "https" : "http")
                + "://"
                + edge.host()
                + ":"
                + server.port()
                + " with "
                + edge.eventLoops()
                + " event loop(s)");
    management =
        new GatewayManagement(
            new GatewayFigures(
                meter, holder, throttle, this::serving, sync::activeManifestRevision),
            holder,
            metrics,
            threads);
    management.start();
  }

  private TrafficShipper trafficShipper(TrafficMeter meter) {
    long seconds = settings.trafficShipSeconds();
    if (seconds < 1 || seconds > 60) {
      // Beyond a minute, the meter's minutes could leave its ring before they are read.
      throw new IllegalArgumentException(
          "meridian.gateway.traffic.ship-seconds must be between 1 and 60, not " + seconds);
    }
    return new TrafficShipper(
        meter,
        new UnshippedTraffic(settings.trafficMaxUnshippedMinutes()),
        trafficSender,
        settings.datacenterId(),
        settings.node(),
        System::currentTimeMillis);
  }

  /**
   * The datacenter's gateway nodes through Payara Micro's data grid, or this node alone when the
   * grid is off ({@code --nocluster}).
   */
  private Peers datacenterPeers() {
    try {
      HazelcastInstance hazelcast = InitialContext.doLookup("payara/Hazelcast");
      if (hazelcast != null && hazelcast.getLifecycleService().isRunning()) {
        LOG.info(
            () ->
                "Throttle counts shared with the datacenter's cluster "
                    + hazelcast.getConfig().getClusterName()
                    + " ("
                    + hazelcast.getCluster().getMembers().size()
                    + " member(s) now)");
        return new HazelcastPeers(
            hazelcast, settings.datacenterNodes(), settings.memberGraceSeconds() * 1000L);
      }
    } catch (NamingException | RuntimeException e) {
      LOG.log(Level.FINE, "No data grid", e);
    }
    LOG.info("No data grid: throttle counts are this node's alone");
    return Peers.ALONE;
  }

  private void reportQuotas() {
    try {
      quotaReporter.report(throttle.globalUsage());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Quota report failed", e); // the next report makes up for it
    }
  }

  private void syncThrottle() {
    try {
      throttle.sync();
    } catch (RuntimeException e) {
      // A node cut off from its cluster keeps its last counts; the next round retries.
      LOG.log(Level.FINE, "Throttle synchronisation failed", e);
    }
  }

  /** The node's throttle (quota shares arrive through it). */
  public Throttle throttle() {
    return throttle;
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (management != null) {
      management.close();
    }
    if (peers != null) {
      try {
        peers.leave(); // stopping on purpose: the others need not hold this node's share back
        LOG.info("Left the datacenter's throttle counting");
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not tell the datacenter's other nodes", e);
      }
    }
    if (throttleSync != null) {
      throttleSync.shutdownNow();
      quotaReports.shutdownNow();
    }
    if (trafficShipping != null) {
      trafficShipping.shutdownNow();
      try {
        trafficShipping.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      server.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Stopping the gateway server", e);
    }
    if (trafficShipping != null && trafficShipping.isTerminated()) {
      trafficShipper.run(); // the last seconds' figures, now that no request is answered
    }
    if (accessLog != null) {
      accessLog.close();
    }
  }

  /** Whether the public port is served (false while the node starts, and once it stops). */
  public boolean serving() {
    return server != null && !stopping;
  }

  /**
   * Whether every event loop of the public port ran a task queued behind its work within {@code
   * timeoutMillis}; true while the port is not served (starting or stopping: not wedged).
   */
  public boolean eventLoopsAnswer(long timeoutMillis) {
    GatewayServer s = server;
    if (s == null || stopping) {
      return true;
    }
    try {
      return s.eventLoopsAnswer(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
