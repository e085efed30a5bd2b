package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.TrafficMeter;
import io.meridian.shared.traffic.ApiTrafficReport;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships the node's traffic per API and per minute to the master, on a thread of its own every few
 * seconds (never on an event loop): reads the meter's minutes into {@link UnshippedTraffic}, sends
 * one report with everything unshipped, and forgets it once sent. A failed send keeps the figures
 * for the next round; the figures are cumulative per minute, so the master's copy of a minute only
 * grows, whichever report arrives twice or late.
 */
final class TrafficShipper implements Runnable {

  private static final Logger LOG = Logger.getLogger(TrafficShipper.class.getName());

  /**
   * The next minute's slots are cleared ahead only this early in the current one, so that the
   * clearing is long over when the minute's first request comes.
   */
  private static final long PREPARE_BEFORE_SECOND = 50;

  private final TrafficMeter meter;
  private final UnshippedTraffic unshipped;
  private final TrafficSender sender;
  private final String datacenter;
  private final String node;
  private final LongSupplier millisClock;
  private boolean failing;
  private boolean warnedDrops;

  TrafficShipper(
      TrafficMeter meter,
      UnshippedTraffic unshipped,
      TrafficSender sender,
      String datacenter,
      String node,
      LongSupplier millisClock) {
    this.meter = meter;
    this.unshipped = unshipped;
    this.sender = sender;
    this.datacenter = datacenter;
    this.node = node;
    this.millisClock = millisClock;
  }

  @Override
  public void run() {
    try {
      ship();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Traffic shipping round failed (retried)", e);
    }
  }

  void ship() {
    meter.calibrate();
    long minute = meter.currentMinute();
    unshipped.collect(meter.apis(), minute);
    long now = millisClock.getAsLong();
    if (Math.floorMod(now, 60_000L) < PREPARE_BEFORE_SECOND * 1000) {
      meter.prepare(minute + 1);
    }
    if (unshipped.droppedEntries() > 0 && failing && !warnedDrops) {
      LOG.warning(
          () ->
              "Dropping the oldest unshipped traffic figures (the broker has been unreachable too"
                  + " long): "
                  + unshipped.droppedEntries()
                  + " API-minute(s) since the node started");
      warnedDrops = true;
    }
    if (unshipped.isEmpty()) {
      return;
    }
    List<ApiTrafficReport.Entry> entries = unshipped.entries();
    try {
      sender.send(new ApiTrafficReport(datacenter, node, now, entries));
      unshipped.shipped();
      if (failing) {
        LOG.info("Traffic reports reach the broker again");
      }
      failing = false;
      warnedDrops = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot send traffic figures to the broker (kept, retried every round): " + e);
      }
      failing = true;
    }
  }

  /** API-minutes dropped unshipped since the node started. */
  long droppedEntries() {
    return unshipped.droppedEntries();
  }
}
