package io.meridian.gateway.runtime;

import io.meridian.shared.traffic.ApiTrafficReport;
import io.meridian.sync.MasterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends traffic reports to the DC's broker, which forwards them to the master's over the reverse
 * bridge. Unlike quota reports they are persistent: the broker stores them while the WAN is cut and
 * forwards them when it heals. A report older than {@link #TIME_TO_LIVE_MILLIS} is no longer worth
 * delivering (the master's retention is days, but a chart of hours ago gains little from it, and a
 * long partition must not fill the broker).
 */
@ApplicationScoped
public class JmsTrafficSender implements TrafficSender {

  static final long TIME_TO_LIVE_MILLIS = TimeUnit.HOURS.toMillis(6);

  private static final MasterQueue.Delivery DELIVERY =
      new MasterQueue.Delivery(ApiTrafficReport.JMS_TYPE, true, TIME_TO_LIVE_MILLIS);

  @Inject MasterQueue queue;

  @Override
  public void send(ApiTrafficReport report) throws Exception {
    queue.send(DELIVERY, List.of(report.toJson()));
  }
}
