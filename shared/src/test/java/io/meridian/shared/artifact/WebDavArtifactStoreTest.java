package io.meridian.shared.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebDAV store against a real HTTP server on loopback. */
class WebDavArtifactStoreTest {

  private HttpServer server;
  private WebDavArtifactStore store;

  /** Each file is answered only once both have been asked for: reads in turn would time out. */
  private final CountDownLatch bothAsked = new CountDownLatch(2);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/a.json", e -> answerWhenBothAsked(e, 200, "artifact"));
    server.createContext("/a.json.sig", e -> answerWhenBothAsked(e, 200, "signature"));
    server.createContext("/b.json", e -> answerWhenBothAsked(e, 404, ""));
    server.createContext("/broken", e -> answerWhenBothAsked(e, 500, "no"));
    server.start();
    store =
        new WebDavArtifactStore("http://127.0.0.1:" + server.getAddress().getPort() + "/", 2000);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answerWhenBothAsked(HttpExchange e, int status, String body) throws IOException {
    bothAsked.countDown();
    try {
      if (!bothAsked.await(1500, TimeUnit.MILLISECONDS)) {
        status = 599; // asked alone: the store did not send the two reads together
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      e.getResponseBody().write(bytes);
    }
    e.close();
  }

  @Test
  void readsAFileAndItsSignatureAtTheSameTimeInTheirOrder() throws IOException {
    List<Optional<byte[]>> files = store.getAll(List.of("a.json", "a.json.sig"));
    assertArrayEquals("artifact".getBytes(StandardCharsets.UTF_8), files.get(0).orElseThrow());
    assertArrayEquals("signature".getBytes(StandardCharsets.UTF_8), files.get(1).orElseThrow());
  }

  @Test
  void aMissingFileIsEmptyAndAServerErrorFailsTheRead() {
    IOException e =
        assertThrows(IOException.class, () -> store.getAll(List.of("b.json", "broken")));
    assertTrue(e.getMessage().contains("answered 500"), e.getMessage());
  }

  @Test
  void aMissingFileAmongPresentOnesIsEmpty() throws IOException {
    List<Optional<byte[]>> files = store.getAll(List.of("b.json", "a.json"));
    assertEquals(Optional.empty(), files.get(0));
    assertArrayEquals("artifact".getBytes(StandardCharsets.UTF_8), files.get(1).orElseThrow());
  }
}
