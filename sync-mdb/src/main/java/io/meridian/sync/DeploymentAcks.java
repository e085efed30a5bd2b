package io.meridian.sync;

import io.meridian.shared.artifact.DeploymentAck;
import io.meridian.shared.artifact.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactoryDefinition;
import java.util.List;
import java.util.logging.Logger;

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

  private static final MasterQueue.Delivery DELIVERY = new MasterQueue.Delivery(null, true, 0);

  @Inject MasterQueue queue;

  private volatile boolean failing;

  public void send(List<DeploymentAck> acks) {
    if (acks.isEmpty()) {
      return;
    }
    try {
      queue.send(DELIVERY, acks.stream().map(DeploymentAck::toJson).toList());
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot acknowledge deployments to the master: " + e);
      }
      failing = true;
    }
  }
}
