package io.meridian.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Fails a response body that stays silent longer than its endpoint's timeout: the client's own idle
 * timeout only covers the wait for the response head, and a backend that sends its head and then
 * nothing would otherwise hold the exchange open for ever. One timer per body, re-armed only when
 * it fires early, not on every chunk.
 */
final class IdleWatch implements ReadStream<Buffer> {

  private final Vertx vertx;
  private final ReadStream<Buffer> in;
  private final long timeoutMillis;
  private final Runnable onTimeout;
  private long lastActivity = System.nanoTime();
  private long timer = -1;
  private boolean stopped;

  IdleWatch(Vertx vertx, ReadStream<Buffer> in, long timeoutMillis, Runnable onTimeout) {
    this.vertx = vertx;
    this.in = in;
    this.timeoutMillis = timeoutMillis;
    this.onTimeout = onTimeout;
    arm(timeoutMillis);
  }

  private void arm(long delayMillis) {
    timer = vertx.setTimer(Math.max(1, delayMillis), t -> check());
  }

  private void check() {
    if (stopped) {
      return;
    }
    long idleMillis = (System.nanoTime() - lastActivity) / 1_000_000;
    if (idleMillis >= timeoutMillis) {
      stopped = true;
      onTimeout.run();
    } else {
      arm(timeoutMillis - idleMillis);
    }
  }

  /** The body is over (or failed otherwise): the watch ends. */
  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    in.handler(
        handler == null
            ? null
            : buffer -> {
              lastActivity = System.nanoTime();
              handler.handle(buffer);
            });
    return this;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    in.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    in.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    in.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    in.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    in.endHandler(endHandler);
    return this;
  }
}
