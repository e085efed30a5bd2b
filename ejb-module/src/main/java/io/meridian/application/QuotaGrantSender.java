package io.meridian.application;

import io.meridian.shared.quota.QuotaGrant;

/** Tells a datacenter its shares of global limits. */
public interface QuotaGrantSender {

  void send(QuotaGrant grant) throws Exception;
}
