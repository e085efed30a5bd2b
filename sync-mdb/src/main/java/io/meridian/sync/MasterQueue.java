package io.meridian.sync;

import io.meridian.shared.artifact.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What a gateway node tells the master goes here: the DC's broker's {@code meridian.deployments}
 * queue, which the reverse bridge forwards to the master's broker. Deployment acknowledgements,
 * quota usage and traffic reports differ only in how they travel ({@link Delivery}). A connection
 * per call, from the resource adapter's pool.
 */
@ApplicationScoped
public class MasterQueue {

  /**
   * How one kind of message travels.
   *
   * @param jmsType the JMS type the master's listeners select on, or null for none
   * @param persistent whether the broker stores it while the WAN is cut
   * @param timeToLiveMillis how long it is worth delivering; 0: always
   */
  public record Delivery(String jmsType, boolean persistent, long timeToLiveMillis) {}

  /** Sends the JSON {@code bodies} as text messages, in order, in one session. */
  public void send(Delivery delivery, List<String> bodies) throws JMSException, NamingException {
    if (bodies.isEmpty()) {
      return;
    }
    ConnectionFactory factory =
        (ConnectionFactory) new InitialContext().lookup(SyncSettings.CONNECTION_FACTORY);
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer =
            session.createProducer(session.createQueue(Destinations.DEPLOYMENTS))) {
      producer.setDeliveryMode(
          delivery.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
      producer.setTimeToLive(delivery.timeToLiveMillis());
      for (String body : bodies) {
        TextMessage message = session.createTextMessage(body);
        if (delivery.jmsType() != null) {
          message.setJMSType(delivery.jmsType());
        }
        producer.send(message);
      }
    }
  }
}
