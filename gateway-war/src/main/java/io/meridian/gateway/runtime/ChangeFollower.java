package io.meridian.gateway.runtime;

import io.meridian.gateway.state.ControlPlaneSource;
import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateBuilder;
import io.meridian.gateway.state.StateHolder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the gateway's state current: polls the change log's sequence (and the master's heartbeat,
 * for the replica's freshness) and, when it moved, reads the control plane again and swaps in a new
 * snapshot. A failed read keeps the old snapshot serving and is retried on the next poll.
 *
 * <p>Two locks: one database read at a time, and a short one for building and swapping snapshots.
 * An activation (a new API) only needs the second, so it never waits behind a read of the replica
 * (which a publication's own commit usually sets off at the same moment).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChangeFollower {

  private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject ControlPlaneSource source;
  @Inject StateHolder runtime;
  @Inject GatewaySettings settings;
  @Inject ActivatedApis apis;

  private final Object reading = new Object();
  private final Object swapping = new Object();

  private StateBuilder builder;
  private ScheduledFuture<?> task;
  private boolean failing;
  private volatile ControlPlaneSource.ControlPlaneData lastData;

  @PostConstruct
  void start() {
    builder =
        new StateBuilder(
            settings.datacenterId(),
            settings.issuer(),
            settings.audience(),
            settings.clockSkewSeconds(),
            Clock.systemUTC());
    apis.onChange(this::rebuild);
    task =
        scheduler.scheduleWithFixedDelay(
            this::poll, 0, settings.pollMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * New active APIs: rebuild from the last read of the database (if there was one yet). Called by
   * {@link ActivatedApis} on the activating thread, not through the container.
   */
  private void rebuild() {
    synchronized (swapping) {
      if (lastData != null) {
        install(lastData);
      }
    }
  }

  /** Builds the state from this read of the database and the active APIs, and serves it. */
  private GatewayState install(ControlPlaneSource.ControlPlaneData data) {
    synchronized (swapping) {
      lastData = data;
      GatewayState next = builder.build(data, apis.current(), runtime.state());
      runtime.replace(next);
      return next;
    }
  }

  /**
   * Reads the control plane again now, whatever the change log's sequence says (an operator's
   * reload, {@code io.meridian:type=Sync} {@code reloadState()}); returns what is served
   * afterwards. A failure leaves the current state serving and is thrown to the caller.
   */
  public String reloadNow() throws Exception {
    GatewayState next;
    synchronized (reading) {
      next = install(source.read());
      failing = false;
    }
    LOG.info(() -> "Gateway state reloaded at change " + next.sequence());
    return "state at change " + next.sequence() + ": " + next.routes().size() + " APIs";
  }

  void poll() {
    synchronized (reading) {
      pollOnce();
    }
  }

  private void pollOnce() {
    try {
      GatewayState current = runtime.state();
      ControlPlaneSource.Progress progress = source.progress();
      if (progress.heartbeatEpochMillis() != null) {
        runtime.freshness().heartbeat(progress.heartbeatEpochMillis());
      }
      if (current != null && progress.sequence() == current.sequence()) {
        return;
      }
      GatewayState next = install(source.read());
      if (failing || current == null) {
        LOG.info(
            () ->
                "Gateway state at change "
                    + next.sequence()
                    + ": "
                    + next.routes().size()
                    + " APIs");
      }
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Cannot read the control plane; serving the last known state", e);
      }
      failing = true;
    }
  }
}
