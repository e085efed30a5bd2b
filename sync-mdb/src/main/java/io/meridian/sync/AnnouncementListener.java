package io.meridian.sync;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.ArtifactException;
import io.meridian.shared.artifact.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Receives the master's announcements from this DC's broker (through the ActiveMQ resource adapter,
 * over OpenWire). Every node subscribes; a node that was down catches up by reconciliation, so the
 * subscription need not be durable.
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
      // Global quota grants share the topic; they are the gateway's, not the sync's.
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "JMSType IS NULL"),
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
    })
public class AnnouncementListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(AnnouncementListener.class.getName());

  @Inject SyncCoordinator coordinator;

  @Override
  public void onMessage(Message message) {
    try {
      if (message instanceof TextMessage text) {
        coordinator.onAnnouncement(Announcement.fromJson(text.getText()));
      } else {
        LOG.warning("Ignoring an announcement that is not text");
      }
    } catch (ArtifactException | JMSException e) {
      LOG.warning("Ignoring an unreadable announcement: " + e.getMessage());
    }
  }
}
