package io.meridian.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a backend call failed, as the edge needs to know it: mapped there to 502, 503, 504 or 413, or
 * to nothing at all when the client has gone.
 */
public enum ProxyFailure {
  /** No connection: refused, unreachable, unknown host. Nothing was sent; safe to retry. */
  CONNECT_FAILED(true),
  /** The connection was not established in time. Nothing was sent; safe to retry. */
  CONNECT_TIMEOUT(true),
  /**
   * Too many requests already wait for a connection to this backend (the pool's wait queue is
   * full): nothing was sent, and the backend is not at fault.
   */
  BACKEND_BUSY(false),
  /** The TLS handshake with an https backend failed (untrusted certificate, wrong host name). */
  TLS_FAILED(false),
  /** The backend stayed silent longer than the endpoint's timeout. */
  RESPONSE_TIMEOUT(false),
  /** The backend connection broke during the exchange. */
  CONNECTION_FAILED(false),
  /** A streamed request body grew past the node's limit. */
  BODY_TOO_LARGE(false),
  /** The client went away; there is nobody to answer. */
  CLIENT_GONE(false);

  private final boolean beforeSending;

  ProxyFailure(boolean beforeSending) {
    this.beforeSending = beforeSending;
  }

  /** Whether the request certainly never reached the backend, so another URL may be tried. */
  public boolean beforeSending() {
    return beforeSending;
  }

  /** Classifies a failure of the backend client. */
  public static ProxyFailure of(Throwable t) {
    if (t instanceof ProxyException p) {
      return p.failure();
    }
    if (t instanceof ConnectionPoolTooBusyException) {
      return BACKEND_BUSY;
    }
    if (t instanceof ConnectTimeoutException) {
      return CONNECT_TIMEOUT;
    }
    if (t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof UnknownHostException) {
      return CONNECT_FAILED;
    }
    if (t instanceof SSLException || t.getCause() instanceof SSLException) {
      return TLS_FAILED;
    }
    if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
      return RESPONSE_TIMEOUT;
    }
    if (t instanceof StreamResetException || t instanceof ClosedChannelException) {
      return CONNECTION_FAILED;
    }
    return CONNECTION_FAILED;
  }
}
