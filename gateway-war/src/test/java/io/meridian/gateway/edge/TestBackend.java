package io.meridian.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP backend for gateway tests, counting requests and connections. */
final class TestBackend implements AutoCloseable {

  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger connectionsOpened = new AtomicInteger();
  final AtomicInteger connectionsClosed = new AtomicInteger();
  final Queue<MultiMap> headers = new ConcurrentLinkedQueue<>();
  final Queue<String> uris = new ConcurrentLinkedQueue<>();
  private final Vertx vertx;
  private final HttpServer server;

  private TestBackend(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static TestBackend start(Handler<HttpServerRequest> handler) throws Exception {
    return start(new HttpServerOptions(), handler);
  }

  static TestBackend startTls(TestCertificates certs, Handler<HttpServerRequest> handler)
      throws Exception {
    return start(
        new HttpServerOptions()
            .setSsl(true)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertPath(certs.certFile.toString())
                    .setKeyPath(certs.keyFile.toString())),
        handler);
  }

  private static TestBackend start(HttpServerOptions options, Handler<HttpServerRequest> handler)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    TestBackend[] self = new TestBackend[1];
    HttpServer server =
        vertx
            .createHttpServer(options)
            .connectionHandler(
                c -> {
                  self[0].connectionsOpened.incrementAndGet();
                  c.closeHandler(v -> self[0].connectionsClosed.incrementAndGet());
                })
            .requestHandler(
                r -> {
                  self[0].requests.incrementAndGet();
                  self[0].headers.add(MultiMap.caseInsensitiveMultiMap().addAll(r.headers()));
                  self[0].uris.add(r.uri());
                  handler.handle(r);
                });
    self[0] = new TestBackend(vertx, server);
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return self[0];
  }

  int port() {
    return server.actualPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
