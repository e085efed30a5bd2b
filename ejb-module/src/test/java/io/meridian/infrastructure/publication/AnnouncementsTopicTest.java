package io.meridian.infrastructure.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept broker connection: opened once, reopened once after a failed send, never hidden. */
class AnnouncementsTopicTest {

  private static final AnnouncementsTopic.Delivery PERSISTENT =
      new AnnouncementsTopic.Delivery(null, true, 0);

  /** A broker seen through its connection factory: what was sent, what failed, what was opened. */
  private static final class FakeBroker {
    final List<String> sent = new ArrayList<>();
    final List<Integer> modes = new ArrayList<>();
    final List<Map<String, Object>> properties = new ArrayList<>();
    int connectionsOpened;
    int connectionsClosed;

    /** Sends that fail next, on whatever connection. */
    int failingSends;

    /** Connections that cannot be opened next. */
    int failingConnects;

    ConnectionFactory factory() {
      return proxy(
          ConnectionFactory.class,
          (method, args) -> {
            if (failingConnects > 0) {
              failingConnects--;
              throw new JMSException("connection refused");
            }
            connectionsOpened++;
            return connection();
          });
    }

    private Connection connection() {
      return proxy(
          Connection.class,
          (method, args) ->
              switch (method) {
                case "createSession" -> session();
                case "close" -> {
                  connectionsClosed++;
                  yield null;
                }
                default -> null;
              });
    }

    private Session session() {
      return proxy(
          Session.class,
          (method, args) ->
              switch (method) {
                case "createTopic" -> null;
                case "createProducer" -> producer();
                case "createTextMessage" -> message((String) args[0]);
                default -> null;
              });
    }

    private MessageProducer producer() {
      return proxy(
          MessageProducer.class,
          (method, args) -> {
            if (method.equals("send")) {
              if (failingSends > 0) {
                failingSends--;
                throw new JMSException("broker gone");
              }
              TextMessage m = (TextMessage) args[0];
              sent.add(m.getText());
              modes.add((Integer) args[1]);
            }
            return null;
          });
    }

    private TextMessage message(String text) {
      Map<String, Object> props = new HashMap<>();
      properties.add(props);
      return proxy(
          TextMessage.class,
          (method, args) ->
              switch (method) {
                case "getText" -> text;
                case "setStringProperty" -> props.put((String) args[0], args[1]);
                case "setJMSType" -> props.put("JMSType", args[0]);
                default -> null;
              });
    }
  }

  private interface Handler {
    Object handle(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> handler.handle(method.getName(), args)));
  }

  private static AnnouncementsTopic topicOn(FakeBroker broker) {
    AnnouncementsTopic topic = new AnnouncementsTopic();
    topic.connectionFactory = broker.factory();
    return topic;
  }

  @Test
  void keepsOneConnectionForManySends() throws Exception {
    FakeBroker broker = new FakeBroker();
    AnnouncementsTopic topic = topicOn(broker);
    topic.send("a", PERSISTENT, Map.of("apiId", "1"));
    topic.send(
        "b", new AnnouncementsTopic.Delivery("meridian.throttle.shares", false, 30_000), Map.of());
    assertEquals(List.of("a", "b"), broker.sent);
    assertEquals(List.of(DeliveryMode.PERSISTENT, DeliveryMode.NON_PERSISTENT), broker.modes);
    assertEquals("1", broker.properties.get(0).get("apiId"));
    assertEquals("meridian.throttle.shares", broker.properties.get(1).get("JMSType"));
    assertEquals(1, broker.connectionsOpened);
    topic.close();
    assertEquals(1, broker.connectionsClosed);
  }

  @Test
  void sendsAgainOnANewConnectionWhenTheKeptOneFailed() throws Exception {
    FakeBroker broker = new FakeBroker();
    AnnouncementsTopic topic = topicOn(broker);
    topic.send("a", PERSISTENT, Map.of());
    broker.failingSends = 1;
    topic.send("b", PERSISTENT, Map.of());
    assertEquals(List.of("a", "b"), broker.sent);
    assertEquals(2, broker.connectionsOpened);
    assertEquals(1, broker.connectionsClosed);
  }

  @Test
  void reportsAFailureThatANewConnectionDoesNotMend() throws Exception {
    FakeBroker broker = new FakeBroker();
    AnnouncementsTopic topic = topicOn(broker);
    topic.send("a", PERSISTENT, Map.of());
    broker.failingSends = 1;
    broker.failingConnects = 1;
    assertThrows(JMSException.class, () -> topic.send("b", PERSISTENT, Map.of()));
    // the broker is back: the next send opens a connection of its own
    topic.send("c", PERSISTENT, Map.of());
    assertEquals(List.of("a", "c"), broker.sent);
  }

  @Test
  void doesNotRetryAFailureOnAFreshConnection() {
    FakeBroker broker = new FakeBroker();
    AnnouncementsTopic topic = topicOn(broker);
    broker.failingSends = 2;
    assertThrows(JMSException.class, () -> topic.send("a", PERSISTENT, Map.of()));
    assertEquals(1, broker.failingSends, "sent once, not retried");
    assertTrue(broker.sent.isEmpty());
    assertEquals(1, broker.connectionsClosed);
  }
}
