package io.meridian.infrastructure.publication;

import io.meridian.application.DeploymentService;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.DeploymentAck;
import io.meridian.shared.artifact.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/** Receives what the datacenters' gateways activated (over the brokers' reverse bridges). */
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
      // Quota reports share the queue; they are the quota service's.
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "JMSType IS NULL"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
    })
public class DeploymentAckListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DeploymentAckListener.class.getName());

  @Inject DeploymentService deployments;

  @Override
  public void onMessage(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        LOG.warning("Ignoring a deployment message that is not text");
        return;
      }
      deployments.record(DeploymentAck.fromJson(text.getText()));
    } catch (ArtifactException | JMSException e) {
      // A malformed acknowledgement is dropped, not redelivered forever.
      LOG.warning("Ignoring an unreadable deployment acknowledgement: " + e.getMessage());
    }
  }
}
