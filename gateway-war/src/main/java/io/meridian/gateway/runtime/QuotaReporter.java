package io.meridian.gateway.runtime;

import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.quota.QuotaUsage;
import io.meridian.sync.SyncSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;

/**
 * Sends the master this node's use of global limits, off the request path: to the DC's broker,
 * which forwards it to the master's over the link acknowledgements take. Reports are soft state: a
 * lost one is made up for by the next, so they are sent non-persistent with a short life.
 */
@ApplicationScoped
public class QuotaReporter {

  private static final Logger LOG = Logger.getLogger(QuotaReporter.class.getName());

  @Inject SyncSettings sync;

  private boolean failing;

  public void report(List<QuotaUsage.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    QuotaUsage usage =
        new QuotaUsage(sync.datacenter(), sync.node(), System.currentTimeMillis(), entries);
    try {
      ConnectionFactory factory =
          (ConnectionFactory) new InitialContext().lookup(SyncSettings.CONNECTION_FACTORY);
      try (Connection connection = factory.createConnection();
          Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
          MessageProducer producer =
              session.createProducer(session.createQueue(Destinations.DEPLOYMENTS))) {
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setTimeToLive(30_000);
        TextMessage message = session.createTextMessage(usage.toJson());
        message.setJMSType(QuotaUsage.JMS_TYPE);
        producer.send(message);
      }
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning("Cannot report global quota usage to the master (retried): " + e);
      }
      failing = true;
    }
  }
}
