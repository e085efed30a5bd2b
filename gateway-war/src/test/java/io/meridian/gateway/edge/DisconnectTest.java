package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meridian.gateway.state.TestStates;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that goes away mid-answer must not cost the gateway a pooled backend connection. */
class DisconnectTest {

  @Test
  void aClientLeavingMidResponseClosesItsBackendConnectionInsteadOfLeakingIt() throws Exception {
    Buffer chunk = Buffer.buffer(new byte[16 * 1024]);
    try (TestBackend backend =
            TestBackend.start(
                r -> {
                  if (!r.path().endsWith("/endless")) {
                    r.response().end("quick");
                    return;
                  }
                  r.response().setChunked(true);
                  Vertx vertx = Vertx.currentContext().owner();
                  long timer =
                      vertx.setPeriodic(
                          10,
                          t -> {
                            if (!r.response().closed()) {
                              r.response().write(chunk);
                            }
                          });
                  r.response().closeHandler(v -> vertx.cancelTimer(timer));
                });
        GatewayUnderTest gateway =
            new GatewayUnderTest(
                // One pooled connection per backend: a single leak would block every later call.
                GatewayUnderTest.settings().backends(2000, 1, null).build(),
                TestStates.of(TestStates.shop(List.of(backend.url()), 5000, null)))) {
      for (int i = 0; i < 5; i++) {
        try (Socket socket = new Socket("127.0.0.1", gateway.server.port())) {
          socket.setSoTimeout(5000);
          socket
              .getOutputStream()
              .write(
                  ("GET /shop/1.0/items/endless HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                          + TestStates.token()
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
          InputStream in = socket.getInputStream();
          assertEquals("HTTP/1.1 200", new String(in.readNBytes(12), StandardCharsets.ISO_8859_1));
          in.readNBytes(40_000);
        }
      }
      Await.until(
          () -> backend.connectionsClosed.get() >= 5, 5000, "five backend connections closed");
      HttpResponse<String> after =
          gateway.send(
              gateway
                  .request("/shop/1.0/items/1")
                  .header("Authorization", "Bearer " + TestStates.token())
                  .build());
      assertEquals(200, after.statusCode());
      assertEquals("quick", after.body());
    }
  }
}
