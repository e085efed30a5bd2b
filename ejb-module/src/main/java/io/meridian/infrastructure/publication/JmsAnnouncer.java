package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.Announcement;
import io.meridian.shared.artifact.Destinations;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Sends announcements to the master DC's broker, persistent, outside any transaction (the
 * publication is already committed; a failed send is retried by the worker). The message carries
 * Artemis' duplicate-detection id, so a repeated announcement is dropped by the brokers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsAnnouncer {

  /** Connector resource the domain script creates on the ActiveMQ resource adapter. */
  public static final String CONNECTION_FACTORY = "jms/meridian";

  @Resource(lookup = CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  public void announce(Announcement announcement) throws JMSException {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer =
            session.createProducer(session.createTopic(Destinations.ANNOUNCEMENTS))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      TextMessage message = session.createTextMessage(announcement.toJson());
      message.setStringProperty("_AMQ_DUPL_ID", "publication-" + announcement.manifestRevision());
      message.setStringProperty("apiId", announcement.apiId());
      producer.send(message);
    }
  }
}
