package io.meridian.gateway.edge;

import io.meridian.gateway.filter.Exchange;
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
 * One line per request — time, request id, method, API, operation, application, status, latency —
 * never a token or header value. Requests only enqueue their line; one background thread writes
 * them to the file in batches, so logging never blocks the request path (a synchronous JUL console
 * handler held the gateway to ~2k req/s on one core). If the writer falls behind by more than the
 * queue holds, lines are dropped and counted rather than slowing requests down.
 */
public final class AccessLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final int QUEUE = 65_536;

  // Lock-free: an ArrayBlockingQueue's single lock showed up in the request path under load.
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Path file;
  private final Thread writer;
  private volatile boolean running = true;

  public AccessLog(Path file, ThreadFactory threads) {
    this.file = file;
    this.writer = threads.newThread(this::drain);
    this.writer.setName("meridian-access-log");
    this.writer.start();
  }

  public void log(Exchange exchange, String method, String requestId, int status, long startNanos) {
    StringBuilder b = new StringBuilder(160);
    b.append(Instant.now()).append(' ').append(requestId).append(' ').append(method).append(' ');
    if (exchange != null && exchange.match() != null) {
      b.append(exchange.match().route().context())
          .append('/')
          .append(exchange.match().route().version())
          .append(' ')
          .append(exchange.match().operation().template());
    } else {
      b.append("- -");
    }
    b.append(' ')
        .append(
            exchange != null && exchange.token() != null ? exchange.token().applicationId() : "-")
        .append(' ')
        .append(status)
        .append(' ')
        .append((System.nanoTime() - startNanos) / 1000)
        .append("us\n");
    if (queued.incrementAndGet() > QUEUE) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queue.offer(b.toString());
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
          String line;
          int written = 0;
          while ((line = queue.poll()) != null) {
            out.write(line);
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
