package io.meridian.infrastructure.traffic;

import io.meridian.application.TrafficService;
import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.traffic.ApiTrafficReport;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Receives the gateways' traffic reports (over the brokers' reverse bridges). One session: reports
 * of the same node and minute are applied one after the other, so the "never fewer requests" rule
 * needs no lock. A database failure rolls back and the broker redelivers, which the cumulative
 * figures make harmless.
 */
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
          propertyValue = "JMSType = '" + ApiTrafficReport.JMS_TYPE + "'"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
    })
public class ApiTrafficListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ApiTrafficListener.class.getName());

  @Inject TrafficService traffic;

  @Override
  public void onMessage(Message message) {
    try {
      if (message instanceof TextMessage text) {
        traffic.record(ApiTrafficReport.fromJson(text.getText()));
      }
    } catch (IllegalArgumentException | JMSException e) {
      // A malformed report is dropped, not redelivered forever.
      LOG.warning("Ignoring an unreadable traffic report: " + e.getMessage());
    }
  }
}
