import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.transport.Transport;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the gateway's design: a WAR on the same Payara Micro whose listener starts one
 * Vert.x event loop with an HTTP server and a pooled HTTP client, and forwards every request to
 * the backend (status, headers, streamed body) with nothing else: no routing, no token, no
 * headers of its own, no access log. Port and backend come from system properties bench.port,
 * bench.backend.port; the transport from bench.transport (nio, the default; epoll; io_uring).
 */
@WebListener
public class BareEventLoopProxy implements ServletContextListener {

  private Vertx vertx;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    int port = Integer.getInteger("bench.port");
    int backendPort = Integer.getInteger("bench.backend.port");
    Transport transport =
        switch (System.getProperty("bench.transport", "nio")) {
          case "epoll" -> Transport.EPOLL;
          case "io_uring" -> Transport.IO_URING;
          default -> Transport.NIO;
        };
    if (!transport.available()) {
      throw new IllegalStateException(
          "transport " + transport.name() + " unavailable", transport.unavailabilityCause());
    }
    vertx =
        Vertx.builder()
            .with(new VertxOptions().setEventLoopPoolSize(1))
            .withTransport(transport)
            .build();
    try {
      vertx
          .deployVerticle(
              new VerticleBase() {
                @Override
                public Future<?> start() {
                  HttpClient client =
                      vertx.createHttpClient(
                          new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                          new PoolOptions().setHttp1MaxSize(256));
                  return vertx
                      .createHttpServer()
                      .requestHandler(req -> forward(client, backendPort, req))
                      .listen(port);
                }
              })
          .await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void forward(HttpClient client, int backendPort, HttpServerRequest req) {
    req.pause();
    client
        .request(
            new RequestOptions()
                .setMethod(req.method())
                .setHost("127.0.0.1")
                .setPort(backendPort)
                .setURI(req.uri()))
        .compose(
            out -> {
              req.resume();
              return out.send();
            })
        .onComplete(
            ar -> {
              if (ar.failed()) {
                req.response().setStatusCode(502).end();
                return;
              }
              var in = ar.result();
              req.response().setStatusCode(in.statusCode());
              req.response().headers().addAll(in.headers());
              in.pipeTo(req.response());
            });
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    vertx.close();
  }
}
