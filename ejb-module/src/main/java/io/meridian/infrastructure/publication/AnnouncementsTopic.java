package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.Destinations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The master DC's announcements topic, which the brokers forward to every datacenter: what the
 * master tells gateways (announcements, quota shares) goes out here, outside any transaction.
 *
 * <p>One connection, session and producer stay open between sends: opening and closing them took
 * more round trips to the broker than the send itself (an announcement's broker step was 10–38 ms,
 * on the path to every gateway's first 200; 3–20 ms kept open). A send that fails on a kept
 * connection (the broker restarted) is tried once more on a new one before the failure reaches the
 * caller. Container-managed write lock: one send at a time.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnnouncementsTopic {

  /** Connector resource the domain script creates on the ActiveMQ resource adapter. */
  public static final String CONNECTION_FACTORY = "jms/meridian";

  private static final Logger LOG = Logger.getLogger(AnnouncementsTopic.class.getName());

  /**
   * How a message goes out.
   *
   * @param type its JMS type (null: none)
   * @param persistent whether the brokers keep it on disk until delivered
   * @param timeToLiveMillis how long it may wait for a gateway (0: for ever)
   */
  public record Delivery(String type, boolean persistent, long timeToLiveMillis) {}

  @Resource(lookup = CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  private Connection connection;
  private Session session;
  private MessageProducer producer;

  /** Sends {@code text} with these string properties. */
  public void send(String text, Delivery delivery, Map<String, String> properties)
      throws JMSException {
    boolean kept = producer != null;
    try {
      sendOnce(text, delivery, properties);
    } catch (JMSException e) {
      close();
      if (!kept) {
        throw e;
      }
      LOG.fine(() -> "Sending again on a new broker connection: " + e.getMessage());
      sendOnce(text, delivery, properties);
    }
  }

  private void sendOnce(String text, Delivery delivery, Map<String, String> properties)
      throws JMSException {
    if (producer == null) {
      open();
    }
    TextMessage message = session.createTextMessage(text);
    if (delivery.type() != null) {
      message.setJMSType(delivery.type());
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      message.setStringProperty(p.getKey(), p.getValue());
    }
    producer.send(
        message,
        delivery.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT,
        Message.DEFAULT_PRIORITY,
        delivery.timeToLiveMillis());
  }

  private void open() throws JMSException {
    try {
      connection = connectionFactory.createConnection();
      session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      producer = session.createProducer(session.createTopic(Destinations.ANNOUNCEMENTS));
    } catch (JMSException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Closes what is open (also on undeploy); the next send opens anew. */
  @PreDestroy
  void close() {
    Connection c = connection;
    connection = null;
    session = null;
    producer = null;
    if (c != null) {
      try {
        c.close();
      } catch (JMSException | RuntimeException e) {
        LOG.log(Level.FINE, "Closing the announcements connection failed", e);
      }
    }
  }
}
