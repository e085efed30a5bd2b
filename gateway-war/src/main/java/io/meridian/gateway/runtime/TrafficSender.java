package io.meridian.gateway.runtime;

import io.meridian.shared.traffic.ApiTrafficReport;

/** Where a node's traffic reports go (the DC's broker; a fake in tests). */
public interface TrafficSender {

  /** Sends the report, or throws: the shipper then keeps its figures for the next try. */
  void send(ApiTrafficReport report) throws Exception;
}
