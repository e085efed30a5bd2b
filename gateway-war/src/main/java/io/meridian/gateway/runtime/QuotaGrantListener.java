package io.meridian.gateway.runtime;

import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.quota.QuotaGrant;
import io.meridian.sync.SyncSettings;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Applies the master's grants of global limits to this node's throttle: this DC's shares, from the
 * announcements topic (grants to other DCs are ignored).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.ANNOUNCEMENTS),
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = Destinations.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable"),
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "JMSType = '" + QuotaGrant.JMS_TYPE + "'"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
    })
public class QuotaGrantListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(QuotaGrantListener.class.getName());

  @Inject GatewayLifecycle gateway;
  @Inject SyncSettings sync;

  @Override
  public void onMessage(Message message) {
    try {
      if (message instanceof TextMessage text) {
        QuotaGrant grant = QuotaGrant.fromJson(text.getText());
        if (grant.datacenter().equals(sync.datacenter())) {
          gateway.throttle().shares().apply(grant.sequence(), grant.shares());
        }
      }
    } catch (IllegalArgumentException | JMSException e) {
      LOG.warning("Ignoring an unreadable quota grant: " + e.getMessage());
    }
  }
}
