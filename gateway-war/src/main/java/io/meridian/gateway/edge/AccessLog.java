package io.meridian.gateway.edge;

import io.meridian.gateway.filter.Exchange;
import io.meridian.gateway.routing.Route;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON object per line and request — time, request id, node, method, API, operation,
 * application, status, latency in microseconds — never a token or header value. Requests only
 * enqueue a small record; one background thread formats and writes them to the file in batches, so
 * logging never blocks the request path (a synchronous JUL console handler held the gateway to ~2k
 * req/s on one core). If the writer falls behind by more than the queue holds, lines are dropped
 * and counted rather than slowing requests down.
 */
public final class AccessLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final int QUEUE = 65_536;

  // Lock-free: an ArrayBlockingQueue's single lock showed up in the request path under load.
  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Path file;
  private final String node;
  private final Thread writer;
  private volatile boolean running = true;

  public AccessLog(Path file, String node, ThreadFactory threads) {
    this.file = file;
    this.node = node;
    this.writer = threads.newThread(this::drain);
    this.writer.setName("meridian-access-log");
    this.writer.start();
  }

  /** One request, as recorded on the request path; formatted later, by the writer. */
  private record Entry(
      long epochMillis,
      String requestId,
      String method,
      Route route,
      String operation,
      String application,
      int status,
      long micros) {

    /** One JSON object: no field is a token or a header value. */
    String line(String node) {
      StringBuilder b = new StringBuilder(224).append("{\"time\":\"");
      b.append(Instant.ofEpochMilli(epochMillis)).append('"');
      field(b, "requestId", requestId);
      field(b, "node", node);
      field(b, "method", method);
      field(b, "api", route == null ? null : route.context() + "/" + route.version());
      field(b, "operation", operation);
      field(b, "application", application);
      b.append(",\"status\":").append(status);
      b.append(",\"micros\":").append(micros);
      return b.append("}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
      b.append(",\"").append(name).append("\":");
      if (value == null) {
        b.append("null");
        return;
      }
      b.append('"');
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
  }

  public void log(Exchange exchange, String method, String requestId, int status, long startNanos) {
    long micros = (System.nanoTime() - startNanos) / 1000;
    Route route = null;
    String operation = null;
    if (exchange != null && exchange.match() != null) {
      route = exchange.match().route();
      operation = exchange.match().operation().template().toString();
    }
    String application =
        exchange != null && exchange.token() != null ? exchange.token().applicationId() : null;
    if (queued.incrementAndGet() > QUEUE) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queue.offer(
        new Entry(
            System.currentTimeMillis(),
            requestId,
            method,
            route,
            operation,
            application,
            status,
            micros));
  }

  /** Lines dropped because the writer could not keep up. */
  public long dropped() {
    return dropped.get();
  }

  private void drain() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (BufferedWriter out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        while (running || !queue.isEmpty()) {
          Entry entry;
          int written = 0;
          while ((entry = queue.poll()) != null) {
            out.write(entry.line(node));
            written++;
          }
          if (written > 0) {
            queued.addAndGet(-written);
            out.flush();
          } else {
            Thread.sleep(20);
          }
        }
      }
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE, "The access log " + file + " cannot be written; access logging stops", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
