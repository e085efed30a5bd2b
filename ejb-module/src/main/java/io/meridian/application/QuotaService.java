package io.meridian.application;

import io.meridian.shared.quota.QuotaUsage;

/**
 * Global quotas: takes the gateways' reports and moves each datacenter's share of every global
 * limit towards its demand, telling the datacenters their shares.
 */
public interface QuotaService {

  void record(QuotaUsage usage);

  /** One rebalancing round (the service also runs them on its own, every second). */
  void rebalance();
}
