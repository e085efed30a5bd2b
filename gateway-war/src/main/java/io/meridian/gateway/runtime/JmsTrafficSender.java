package io.meridian.gateway.runtime;

import io.meridian.shared.artifact.Destinations;
import io.meridian.shared.traffic.ApiTrafficReport;
import io.meridian.sync.SyncSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;

/**
 * Sends traffic reports to the DC's broker, which forwards them to the master's over the reverse
 * bridge. Unlike quota reports they are persistent: the broker stores them while the WAN is cut and
 * forwards them when it heals. A report older than {@link #TIME_TO_LIVE_MILLIS} is no longer worth
 * delivering (the master's retention is days, but a chart of hours ago gains little from it, and a
 * long partition must not fill the broker).
 */
@ApplicationScoped
public class JmsTrafficSender implements TrafficSender {

  static final long TIME_TO_LIVE_MILLIS = TimeUnit.HOURS.toMillis(6);

  @Override
  public void send(ApiTrafficReport report) throws Exception {
    ConnectionFactory factory =
        (ConnectionFactory) new InitialContext().lookup(SyncSettings.CONNECTION_FACTORY);
    try (Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer =
            session.createProducer(session.createQueue(Destinations.DEPLOYMENTS))) {
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      producer.setTimeToLive(TIME_TO_LIVE_MILLIS);
      TextMessage message = session.createTextMessage(report.toJson());
      message.setJMSType(ApiTrafficReport.JMS_TYPE);
      producer.send(message);
    }
  }
}
