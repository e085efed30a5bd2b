package io.meridian.gateway.runtime;

import io.meridian.gateway.filter.Exchange;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per request: request id, method, API, operation, application, status and latency. Never
 * the token or any header value.
 */
public final class AccessLog {

  private static final Logger LOG = Logger.getLogger("io.meridian.gateway.access");

  private AccessLog() {}

  public static void log(
      Exchange exchange, String method, String requestId, int status, long startNanos) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    StringBuilder b = new StringBuilder(128);
    b.append(requestId).append(' ').append(method).append(' ');
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
        .append("us");
    LOG.info(b.toString());
  }
}
