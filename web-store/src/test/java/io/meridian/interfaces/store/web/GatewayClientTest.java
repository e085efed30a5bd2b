package io.meridian.interfaces.store.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The try-it call against a stand-in gateway: what it sends, what it shows, where it stops. */
class GatewayClientTest {

  private HttpServer server;
  private Gateways gateways;
  private final GatewayClient client = new GatewayClient();
  private final AtomicReference<String> authorization = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/demo/1.0/hello",
        x -> {
          authorization.set(x.getRequestHeaders().getFirst("Authorization"));
          answer(x, 200, "{\"hello\":\"<b>world</b>\"}".getBytes(StandardCharsets.UTF_8));
        });
    server.createContext(
        "/demo/1.0/big", x -> answer(x, 200, new byte[GatewayClient.MAX_BODY * 3]));
    server.createContext(
        "/demo/1.0/moved",
        x -> {
          x.getResponseHeaders().add("Location", "http://example.org/");
          answer(x, 302, new byte[0]);
        });
    server.start();
    gateways = Gateways.parse("dc1=http://127.0.0.1:" + server.getAddress().getPort());
    client.start();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange x, int status, byte[] body)
      throws IOException {
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsTheTokenAsBearerAndShowsTheAnswer() {
    TryItResult r = client.call(gateways, "dc1", "get", "/demo/1.0/hello", " tok.en ", null);
    assertNull(r.error());
    assertEquals(200, r.status());
    assertEquals("{\"hello\":\"<b>world</b>\"}", r.body());
    assertEquals("Bearer tok.en", authorization.get());
    assertTrue(r.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("content-type")));
  }

  @Test
  void readsAtMost64KiBOfTheBody() {
    TryItResult r = client.call(gateways, "dc1", "GET", "/demo/1.0/big", null, null);
    assertEquals(GatewayClient.MAX_BODY, r.body().length());
    assertTrue(r.truncated());
  }

  @Test
  void showsARedirectInsteadOfFollowingIt() {
    TryItResult r = client.call(gateways, "dc1", "GET", "/demo/1.0/moved", null, null);
    assertEquals(302, r.status());
    assertFalse(r.truncated());
  }

  @Test
  void saysSoWhenTheGatewayRefusesTheConnection() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    TryItResult r =
        client.call(
            Gateways.parse("dc1=http://127.0.0.1:" + closed), "dc1", "GET", "/x", null, null);
    assertTrue(r.failed());
    assertTrue(r.error().startsWith("Could not connect to the gateway of dc1"), r.error());
  }

  @Test
  void refusesAMethodItDoesNotKnowAndATokenWithLineBreaks() {
    assertTrue(client.call(gateways, "dc1", "CONNECT", "/demo/1.0/hello", null, null).failed());
    TryItResult r = client.call(gateways, "dc1", "GET", "/demo/1.0/hello", "a\r\nX: y", null);
    assertTrue(r.failed());
    assertNull(authorization.get());
  }
}
