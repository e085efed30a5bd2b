package io.meridian.infrastructure.publication;

import io.meridian.application.QuotaGrantSender;
import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.quota.QuotaGrant;
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
 * Sends quota shares on the announcements topic, which the brokers forward to every datacenter; the
 * gateways of the named datacenter apply them. Shares are soft state, resent every few seconds:
 * non-persistent, with a short life.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsQuotaGrants implements QuotaGrantSender {

  @Resource(lookup = JmsAnnouncer.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Override
  public void send(QuotaGrant grant) throws JMSException {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer =
            session.createProducer(session.createTopic(Destinations.ANNOUNCEMENTS))) {
      producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      producer.setTimeToLive(30_000);
      TextMessage message = session.createTextMessage(grant.toJson());
      message.setJMSType(QuotaGrant.JMS_TYPE);
      producer.send(message);
    }
  }
}
