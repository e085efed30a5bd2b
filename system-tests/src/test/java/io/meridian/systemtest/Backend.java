package io.meridian.systemtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small real backend on loopback: {@code /orders/{id}} answers JSON and records the headers it
 * received; {@code /public} answers 204; {@code /slow} answers only when released (or after 10 s),
 * to provoke gateway timeouts.
 */
final class Backend implements AutoCloseable {

  static {
    // Without it the JDK server writes headers and body in two segments and the client's delayed
    // ACK adds 40 ms to every keep-alive request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  /** Request headers as received, by the X-Request-Id the gateway sent. */
  final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();

  Backend() throws IOException {
    this("127.0.0.1");
  }

  /**
   * A backend listening on {@code host} (the host's side of the test network, for gateways in
   * namespaces).
   */
  Backend(String host) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/orders/", this::order);
    server.createContext("/slow", this::slow);
    server.createContext(
        "/public",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** An address where nothing listens. */
  static String deadUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  private void order(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    String id = exchange.getRequestURI().getRawPath().substring("/orders/".length());
    headers.put(":path", exchange.getRequestURI().getRawPath());
    headers.put(":query", String.valueOf(exchange.getRequestURI().getRawQuery()));
    seen.put(headers.getOrDefault("x-request-id", "none"), headers);
    byte[] body = ("{\"order\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Backend", "orders");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void slow(HttpExchange exchange) throws IOException {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
