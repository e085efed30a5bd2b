package io.meridian.sync;

import io.meridian.shared.artifact.DeploymentAck;
import io.meridian.shared.artifact.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;

/**
 * Tells the master what this node activated: persistent messages to the DC's broker, which forwards
 * them to the master's over the reverse bridge. A failure is logged and not retried: the next
 * activation acknowledges again, and the master's view is informational.
 */
@JMSConnectionFactoryDefinition(
    name = SyncSettings.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = Destinations.RESOURCE_ADAPTER,
    transactional = false,
    maxPoolSize = 4)
@ApplicationScoped
public class DeploymentAcks {

  private static final Logger LOG = Logger.getLogger(DeploymentAcks.class.getName());

  private volatile boolean failing;

  public void send(List<DeploymentAck> acks) {
    if (acks.isEmpty()) {
      return;
    }
    try {
      ConnectionFactory factory =
          (ConnectionFactory) new InitialContext().lookup(SyncSettings.CONNECTION_FACTORY);
      try (Connection connection = factory.createConnection();
          Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
          MessageProducer producer =
              session.createProducer(session.createQueue(Destinations.DEPLOYMENTS))) {
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        for (DeploymentAck ack : acks) {
          producer.send(session.createTextMessage(ack.toJson()));
        }
      }
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot acknowledge deployments to the master: " + e);
      }
      failing = true;
    }
  }
}
