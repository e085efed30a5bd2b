package io.meridian.infrastructure.publication;

import io.meridian.application.QuotaGrantSender;
import io.meridian.shared.quota.QuotaGrant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.util.Map;

/**
 * Sends quota shares on the announcements topic, which the brokers forward to every datacenter; the
 * gateways of the named datacenter apply them. Shares are soft state, resent every few seconds:
 * non-persistent, with a short life.
 */
@Stateless
public class JmsQuotaGrants implements QuotaGrantSender {

  private static final AnnouncementsTopic.Delivery DELIVERY =
      new AnnouncementsTopic.Delivery(QuotaGrant.JMS_TYPE, false, 30_000);

  @Inject AnnouncementsTopic topic;

  @Override
  public void send(QuotaGrant grant) throws JMSException {
    topic.send(grant.toJson(), DELIVERY, Map.of());
  }
}
