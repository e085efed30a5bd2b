package io.meridian.application.internal;

import io.meridian.application.QuotaGrantSender;
import io.meridian.application.QuotaService;
import io.meridian.domain.model.policy.QuotaAllocation;
import io.meridian.shared.quota.QuotaGrant;
import io.meridian.shared.quota.QuotaUsage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master's side of global quotas, in memory: reports are soft state that the gateways send
 * every second, so a restarted master rebuilds its view within seconds (and until then grows no
 * share, since it only grows into what the reports show free). Every round it sends the shares that
 * changed; every tenth round all of them, for nodes that restarted and forgot theirs.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefaultQuotaService implements QuotaService {

  private static final Logger LOG = Logger.getLogger(DefaultQuotaService.class.getName());

  private static final long FORGET_MILLIS = 600_000;

  @Inject QuotaGrantSender sender;

  @Inject
  @ConfigProperty(name = "meridian.datacenters", defaultValue = "dc-master")
  List<String> datacenters;

  @Inject
  @ConfigProperty(name = "meridian.quota.rebalance-millis", defaultValue = "1000")
  long rebalanceMillis;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, QuotaAllocation> allocations = new HashMap<>();
  private ScheduledFuture<?> rounds;
  private long round;
  private boolean failing;

  @PostConstruct
  void start() {
    rounds =
        scheduler.scheduleWithFixedDelay(
            this::rebalance, rebalanceMillis, rebalanceMillis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  @Override
  public synchronized void record(QuotaUsage usage) {
    long now = System.currentTimeMillis();
    for (QuotaUsage.Entry e : usage.entries()) {
      QuotaAllocation allocation = allocations.get(e.key());
      if (allocation == null
          || allocation.limit() != e.limit()
          || allocation.windowMillis() != e.windowMillis()) {
        // New, or the policy was edited: start again from an even split of the new limit.
        allocation = new QuotaAllocation(e.limit(), e.windowMillis(), datacenters, now);
        allocations.put(e.key(), allocation);
      }
      allocation.report(
          new QuotaAllocation.Report(
              usage.datacenter(),
              usage.node(),
              usage.sentAtMillis(),
              e.count(),
              e.demand(),
              e.share()),
          now);
    }
  }

  @Override
  public void rebalance() {
    Map<String, Map<String, Long>> grants = new HashMap<>();
    synchronized (this) {
      long now = System.currentTimeMillis();
      boolean everything = round++ % 10 == 0;
      // Limits nobody has used for a while are forgotten (an even split again if they come back).
      allocations.values().removeIf(a -> a.silentMillis(now) > FORGET_MILLIS);
      allocations.forEach(
          (key, allocation) -> {
            Map<String, Long> changed = allocation.rebalance(now);
            Map<String, Long> shares = everything ? allocation.shares() : changed;
            shares.forEach(
                (dc, share) -> grants.computeIfAbsent(dc, d -> new HashMap<>()).put(key, share));
          });
    }
    long sequence = System.currentTimeMillis();
    grants.forEach((dc, shares) -> send(new QuotaGrant(dc, sequence, shares)));
  }

  private void send(QuotaGrant grant) {
    try {
      sender.send(grant);
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot send quota shares (retried next round): " + e);
      }
      failing = true;
    }
  }
}
