package io.meridian.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Caps a streamed request body whose length was not declared (chunked): past the limit it stops
 * reading and fails the stream with {@link ProxyFailure#BODY_TOO_LARGE}, which aborts the backend
 * call and becomes a 413 if nothing was answered yet.
 */
final class LimitedBody implements ReadStream<Buffer> {

  private final ReadStream<Buffer> in;
  private final long limit;
  private long count;
  private boolean exceeded;
  private Handler<Throwable> exceptionHandler;

  LimitedBody(ReadStream<Buffer> in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    if (handler == null) {
      in.handler(null);
      return this;
    }
    in.handler(
        buffer -> {
          if (exceeded) {
            return;
          }
          count += buffer.length();
          if (count > limit) {
            exceeded = true;
            in.pause();
            if (exceptionHandler != null) {
              exceptionHandler.handle(
                  new ProxyException(
                      ProxyFailure.BODY_TOO_LARGE, "request body exceeds " + limit + " bytes"));
            }
            return;
          }
          handler.handle(buffer);
        });
    return this;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
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
    if (!exceeded) {
      in.resume();
    }
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    if (!exceeded) {
      in.fetch(amount);
    }
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    in.endHandler(endHandler);
    return this;
  }
}
