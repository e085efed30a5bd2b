package io.meridian.infrastructure.publication;

import io.meridian.application.QuotaService;
import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.quota.QuotaUsage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/** Receives the gateways' reports on global quotas (over the brokers' reverse bridges). */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.DEPLOYMENTS),
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = Destinations.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "JMSType = '" + QuotaUsage.JMS_TYPE + "'"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
    })
public class QuotaUsageListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(QuotaUsageListener.class.getName());

  @Inject QuotaService quotas;

  @Override
  public void onMessage(Message message) {
    try {
      if (message instanceof TextMessage text) {
        quotas.record(QuotaUsage.fromJson(text.getText()));
      }
    } catch (IllegalArgumentException | JMSException e) {
      // Soft state: a bad report is dropped; the next one replaces it.
      LOG.warning("Ignoring an unreadable quota report: " + e.getMessage());
    }
  }
}
