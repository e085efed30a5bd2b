package io.meridian.gateway.proxy;

import io.meridian.gateway.routing.Endpoint;
import io.meridian.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Set;

/**
 * The endpoint of the chain: forwards a request to one of the route's backend URLs over the event
 * loop's pooled keep-alive connections and relays the answer, streaming both bodies with
 * back-pressure (a slow reader on either side slows the other down; nothing is buffered whole).
 *
 * <p>A connection that cannot be made counts against the URL's health and, for an idempotent
 * method, is retried once on another URL: nothing was sent yet. Once the request went out there is
 * no retry. If the client goes away, the backend request is reset, so its connection is closed
 * rather than returned half-read to the pool.
 */
public final class BackendProxy {

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.OPTIONS,
          HttpMethod.PUT,
          HttpMethod.DELETE,
          HttpMethod.TRACE);

  private final Vertx vertx;
  private final HttpClient client;
  private final UpstreamSelector selector;
  private final long maxBodyBytes;
  private final long connectTimeoutMillis;
  private final List<String> hiddenResponseHeaders;

  /**
   * @param client an HTTP/1.1 client created on the calling event loop
   * @param hiddenResponseHeaders backend response headers never relayed (compared ignoring case)
   */
  public BackendProxy(
      Vertx vertx,
      HttpClient client,
      UpstreamSelector selector,
      long maxBodyBytes,
      long connectTimeoutMillis,
      Set<String> hiddenResponseHeaders) {
    this.vertx = vertx;
    this.client = client;
    this.selector = selector;
    this.maxBodyBytes = maxBodyBytes;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.hiddenResponseHeaders = List.copyOf(hiddenResponseHeaders);
  }

  /**
   * Forwards {@code in} (paused by the caller) to {@code endpoint} + {@code backendPath} and relays
   * the answer into {@code in.response()}. {@code beforeHead} runs on the response just before its
   * head is written, after the backend's headers were copied (the edge sets the request id and CORS
   * headers there). The future succeeds once the answer is fully relayed; it fails with the cause
   * ({@link ProxyFailure#of} classifies it) — before anything was written, unless the response's
   * head is already out.
   */
  public Future<Void> forward(
      HttpServerRequest in,
      Endpoint endpoint,
      String backendPath,
      String requestId,
      Handler<HttpServerResponse> beforeHead) {
    Promise<Void> done = Promise.promise();
    new Call(in, endpoint, backendPath, requestId, beforeHead, done)
        .attempt(selector.pick(endpoint), true);
    return done.future();
  }

  /** One forwarded request, through its attempts. */
  private final class Call {
    private final HttpServerRequest in;
    private final Endpoint endpoint;
    private final String backendPath;
    private final String requestId;
    private final Handler<HttpServerResponse> beforeHead;
    private final Promise<Void> done;
    private Throwable bodyFailure;

    Call(
        HttpServerRequest in,
        Endpoint endpoint,
        String backendPath,
        String requestId,
        Handler<HttpServerResponse> beforeHead,
        Promise<Void> done) {
      this.in = in;
      this.endpoint = endpoint;
      this.backendPath = backendPath;
      this.requestId = requestId;
      this.beforeHead = beforeHead;
      this.done = done;
    }

    void attempt(Upstream upstream, boolean mayRetry) {
      RequestOptions options =
          new RequestOptions()
              .setMethod(in.method())
              .setHost(upstream.host())
              .setPort(upstream.port())
              .setSsl(upstream.tls())
              .setURI(upstream.target(backendPath, in.query()))
              .setConnectTimeout(connectTimeoutMillis)
              .setIdleTimeout(endpoint.timeoutMillis());
      client
          .request(options)
          .onComplete(
              connected -> {
                if (connected.succeeded()) {
                  send(upstream, connected.result());
                  return;
                }
                ProxyFailure failure = ProxyFailure.of(connected.cause());
                if (failure.beforeSending()) {
                  selector.health().failed(upstream.url());
                }
                Upstream other =
                    mayRetry && failure.beforeSending() && IDEMPOTENT.contains(in.method())
                        ? selector.another(endpoint, upstream)
                        : null;
                if (other != null && !in.response().closed()) {
                  attempt(other, false);
                } else {
                  done.fail(connected.cause());
                }
              });
    }

    private void send(Upstream upstream, HttpClientRequest out) {
      HttpServerResponse response = in.response();
      if (response.closed()) {
        out.reset();
        done.fail(new ProxyException(ProxyFailure.CLIENT_GONE, "the client went away"));
        return;
      }
      // The client gone before or during the answer: close the backend connection instead of
      // leaving it half-read in the pool.
      response.closeHandler(v -> out.reset());
      copyRequestHeaders(out.headers());
      Future<HttpClientResponse> sent;
      String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
      if (length != null && !length.equals("0")) {
        out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        sent = stream(in, out);
      } else if (length == null && hasUndeclaredBody()) {
        out.setChunked(true);
        sent = stream(new LimitedBody(in, maxBodyBytes), out);
      } else {
        in.resume();
        sent = out.send();
      }
      sent.onComplete(
          answered -> {
            if (answered.failed()) {
              // A body that failed on our side explains the backend call's failure.
              Throwable cause = bodyFailure != null ? bodyFailure : answered.cause();
              ProxyFailure failure = ProxyFailure.of(cause);
              if (failure == ProxyFailure.RESPONSE_TIMEOUT
                  || failure == ProxyFailure.CONNECTION_FAILED) {
                selector.health().failed(upstream.url());
              }
              out.reset();
              done.fail(cause);
              return;
            }
            selector.health().succeeded(upstream.url());
            relay(answered.result(), response)
                .onComplete(
                    relayed -> {
                      if (relayed.failed()) {
                        out.reset();
                        done.fail(relayed.cause());
                      } else {
                        done.complete();
                      }
                    });
          });
    }

    /**
     * Streams the request body to the backend. A body that fails half-way (client gone, limit
     * passed) resets the backend request: ending it would hand the backend a truncated body as if
     * it were complete.
     */
    private Future<HttpClientResponse> stream(ReadStream<Buffer> body, HttpClientRequest out) {
      Pipe<Buffer> pipe = body.pipe().endOnFailure(false);
      pipe.to(out)
          .onFailure(
              cause -> {
                pipe.close();
                bodyFailure =
                    cause instanceof ProxyException
                        ? cause
                        : new ProxyException(ProxyFailure.CLIENT_GONE, "the client went away");
                out.reset(0, bodyFailure);
              });
      return out.response();
    }

    /** HTTP/1.1 has a body only when a length or chunking is declared; HTTP/2 unless ended. */
    private boolean hasUndeclaredBody() {
      if (in.version() == HttpVersion.HTTP_2) {
        return !in.isEnded();
      }
      return in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void copyRequestHeaders(MultiMap out) {
      MultiMap headers = in.headers();
      out.addAll(headers);
      for (String name : HopByHop.toRemove(headers.get(HttpHeaders.CONNECTION), true)) {
        out.remove(name);
      }
      SocketAddress remote = in.remoteAddress();
      out.set(
          "X-Forwarded-For",
          HopByHop.forwardedFor(
              headers.get("X-Forwarded-For"), remote == null ? "unknown" : remote.hostAddress()));
      out.set("X-Forwarded-Proto", in.isSSL() ? "https" : "http");
      HostAndPort authority = in.authority();
      if (authority != null) {
        out.set("X-Forwarded-Host", authority.toString());
      }
      out.set("X-Request-Id", requestId);
    }

    private Future<Void> relay(HttpClientResponse from, HttpServerResponse to) {
      to.setStatusCode(from.statusCode());
      if (from.statusMessage() != null) {
        to.setStatusMessage(from.statusMessage());
      }
      MultiMap headers = from.headers();
      MultiMap out = to.headers();
      out.addAll(headers);
      for (String name : HopByHop.toRemove(headers.get(HttpHeaders.CONNECTION), false)) {
        out.remove(name);
      }
      for (String name : hiddenResponseHeaders) {
        out.remove(name);
      }
      String length = headers.get(HttpHeaders.CONTENT_LENGTH);
      if (length != null) {
        out.set(HttpHeaders.CONTENT_LENGTH, length);
      } else if (in.version() != HttpVersion.HTTP_2 && mayHaveBody(from.statusCode())) {
        to.setChunked(true);
      }
      beforeHead.handle(to);
      Promise<Void> relayed = Promise.promise();
      @SuppressWarnings("unchecked")
      Pipe<Buffer>[] pipe = new Pipe[1];
      IdleWatch body =
          new IdleWatch(
              vertx,
              from,
              endpoint.timeoutMillis(),
              () -> {
                relayed.tryFail(
                    new ProxyException(
                        ProxyFailure.RESPONSE_TIMEOUT, "the backend went silent mid-answer"));
                pipe[0].close();
              });
      // Never end the answer on a failure: the edge decides (an error, or a reset if it began).
      pipe[0] = body.pipe().endOnFailure(false);
      pipe[0]
          .to(to)
          .onComplete(
              piped -> {
                body.stop();
                if (piped.succeeded()) {
                  relayed.tryComplete();
                } else {
                  // Whatever the backend still sends must not reach an answer cut short.
                  pipe[0].close();
                  relayed.tryFail(piped.cause());
                }
              });
      return relayed.future();
    }
  }

  private static boolean mayHaveBody(int status) {
    return status >= 200 && status != 204 && status != 304;
  }
}
