package io.meridian.gateway.runtime;

import io.meridian.shared.quota.QuotaUsage;
import io.meridian.sync.MasterQueue;
import io.meridian.sync.SyncSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the master this node's use of global limits, off the request path: to the DC's broker,
 * which forwards it to the master's over the link acknowledgements take. Reports are soft state: a
 * lost one is made up for by the next, so they are sent non-persistent with a short life.
 */
@ApplicationScoped
public class QuotaReporter {

  private static final Logger LOG = Logger.getLogger(QuotaReporter.class.getName());

  /** Soft state: a lost report is made up for by the next, so non-persistent, 30 s to live. */
  private static final MasterQueue.Delivery DELIVERY =
      new MasterQueue.Delivery(QuotaUsage.JMS_TYPE, false, 30_000);

  @Inject SyncSettings sync;
  @Inject MasterQueue queue;

  private boolean failing;

  public void report(List<QuotaUsage.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    QuotaUsage usage =
        new QuotaUsage(sync.datacenter(), sync.node(), System.currentTimeMillis(), entries);
    try {
      queue.send(DELIVERY, List.of(usage.toJson()));
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot report global quota usage to the master (retried): " + e);
      }
      failing = true;
    }
  }
}
