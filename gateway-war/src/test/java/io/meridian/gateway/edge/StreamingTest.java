package io.meridian.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.gateway.state.TestStates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are streamed both ways with back-pressure. The test JVM has a 256 MiB heap (surefire's
 * argLine) and holds the client, the gateway and the backend: a gigabyte that any of them buffered
 * whole would not fit.
 */
class StreamingTest {

  private static final long GIB = 1L << 30;
  private static final int CHUNK = 64 * 1024;

  private TestBackend backend;
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private void start(long maxBodyBytes) throws Exception {
    backend =
        TestBackend.start(
            r -> {
              if (r.path().endsWith("/download")) {
                write(r.response(), GIB);
                return;
              }
              CRC32 crc = new CRC32();
              AtomicLong count = new AtomicLong();
              r.handler(
                  b -> {
                    crc.update(b.getBytes());
                    count.addAndGet(b.length());
                  });
              r.endHandler(v -> r.response().end(count.get() + " " + crc.getValue()));
            });
    gateway =
        new GatewayUnderTest(
            GatewayUnderTest.settings()
                .limits(8192, 16384, maxBodyBytes)
                .backends(2000, 16, null)
                .build(),
            TestStates.of(TestStates.shop(List.of(backend.url()), 60_000, null)));
  }

  /**
   * Writes {@code total} bytes of the test pattern, pausing while the connection's queue is full.
   */
  private static void write(HttpServerResponse response, long total) {
    response.setChunked(true);
    Buffer chunk = Buffer.buffer(pattern(CHUNK));
    long[] left = {total};
    Runnable[] pump = new Runnable[1];
    pump[0] =
        () -> {
          while (left[0] > 0 && !response.writeQueueFull()) {
            response.write(chunk);
            left[0] -= CHUNK;
          }
          if (left[0] > 0) {
            response.drainHandler(v -> pump[0].run());
          } else {
            response.end();
          }
        };
    pump[0].run();
  }

  private static byte[] pattern(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  /** An input stream of {@code total} bytes of the pattern, generated as it is read. */
  private static InputStream patternStream(long total) {
    byte[] chunk = pattern(CHUNK);
    return new InputStream() {
      long sent;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent >= total) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, CHUNK - (sent % CHUNK)), total - sent);
        System.arraycopy(chunk, (int) (sent % CHUNK), b, off, n);
        sent += n;
        return n;
      }
    };
  }

  private static long crcOfPattern(long total) {
    CRC32 crc = new CRC32();
    byte[] chunk = pattern(CHUNK);
    for (long done = 0; done < total; done += CHUNK) {
      crc.update(chunk, 0, (int) Math.min(CHUNK, total - done));
    }
    return crc.getValue();
  }

  @Test
  void aGigabyteStreamsUpWithoutALengthAndDownThroughTheGateway() throws Exception {
    start(2 * GIB);
    HttpResponse<String> up =
        gateway.send(
            gateway
                .request("/shop/1.0/items/upload")
                .header("Authorization", "Bearer " + TestStates.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> patternStream(GIB)))
                .build());
    assertEquals(200, up.statusCode(), up.body());
    assertEquals(GIB + " " + crcOfPattern(GIB), up.body());

    HttpResponse<InputStream> down =
        gateway.client.send(
            gateway
                .request("/shop/1.0/items/download")
                .header("Authorization", "Bearer " + TestStates.token())
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, down.statusCode());
    CRC32 crc = new CRC32();
    long count = 0;
    try (InputStream in = down.body()) {
      byte[] buffer = new byte[CHUNK];
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        count += n;
      }
    }
    assertEquals(GIB, count);
    assertEquals(crcOfPattern(GIB), crc.getValue());
  }

  @Test
  void aDeclaredLengthIsForwardedAsIs() throws Exception {
    start(10 * 1024 * 1024);
    byte[] body = pattern(3 * CHUNK);
    HttpResponse<String> r =
        gateway.send(
            gateway
                .request("/shop/1.0/items/upload")
                .header("Authorization", "Bearer " + TestStates.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(200, r.statusCode());
    assertEquals(body.length + " " + crcOfPattern(body.length), r.body());
    assertEquals(
        String.valueOf(body.length), backend.headers.peek().get("Content-Length"), "not chunked");
  }

  @Test
  void aChunkedBodyPastTheLimitIs413AndTheBackendCallIsAbandoned() throws Exception {
    start(1024 * 1024);
    try (Socket socket = new Socket("127.0.0.1", gateway.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /shop/1.0/items/upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + TestStates.token()
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = pattern(CHUNK);
                try {
                  for (int i = 0; i < 64; i++) {
                    out.write(
                        (Integer.toHexString(CHUNK) + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                  }
                } catch (IOException e) {
                  // The gateway stopped reading and closed: expected.
                }
              });
      writer.start();
      String answer =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      assertEquals("HTTP/1.1 413", answer);
      writer.join(10_000);
    }
    Await.until(
        () -> backend.connectionsClosed.get() == backend.connectionsOpened.get(),
        5000,
        "the backend connection of the abandoned call is closed");
    assertTrue(backend.connectionsOpened.get() >= 1);
  }
}
