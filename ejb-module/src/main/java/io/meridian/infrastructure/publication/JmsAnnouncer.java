package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.Announcement;
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
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends announcements to the master DC's broker, persistent, outside any transaction (the
 * publication is already committed; a failed send is retried by the worker). The message carries
 * Artemis' duplicate-detection id, so a repeated announcement is dropped by the brokers.
 *
 * <p>One connection, session and producer stay open between announcements: opening and closing them
 * took more round trips to the broker than the send itself (the announcement's broker step was
 * 10–38 ms, on the path to every gateway's first 200). A send that fails on a kept connection (the
 * broker restarted) is tried once more on a new one before the failure reaches the worker.
 * Container-managed write lock: one send at a time (the worker is the only caller anyway).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsAnnouncer {

  /** Connector resource the domain script creates on the ActiveMQ resource adapter. */
  public static final String CONNECTION_FACTORY = "jms/meridian";

  private static final Logger LOG = Logger.getLogger(JmsAnnouncer.class.getName());

  @Resource(lookup = CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  private Connection connection;
  private Session session;
  private MessageProducer producer;

  public void announce(Announcement announcement) throws JMSException {
    boolean kept = producer != null;
    try {
      send(announcement);
    } catch (JMSException e) {
      close();
      if (!kept) {
        throw e;
      }
      LOG.fine(() -> "Announcing again on a new broker connection: " + e.getMessage());
      send(announcement);
    }
  }

  private void send(Announcement announcement) throws JMSException {
    if (producer == null) {
      open();
    }
    TextMessage message = session.createTextMessage(announcement.toJson());
    message.setStringProperty("_AMQ_DUPL_ID", "publication-" + announcement.manifestRevision());
    message.setStringProperty("apiId", announcement.apiId());
    producer.send(message);
  }

  private void open() throws JMSException {
    try {
      connection = connectionFactory.createConnection();
      session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      producer = session.createProducer(session.createTopic(Destinations.ANNOUNCEMENTS));
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    } catch (JMSException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Closes what is open (also on undeploy); the next announcement opens anew. */
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
        LOG.log(Level.FINE, "Closing the announcement connection failed", e);
      }
    }
  }
}
