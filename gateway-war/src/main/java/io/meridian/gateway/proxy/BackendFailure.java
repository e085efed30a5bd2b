package io.meridian.gateway.proxy;

import io.meridian.gateway.filter.GatewayError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Maps a failed backend call to the gateway's error: 504 for timeouts, 502 otherwise. */
public final class BackendFailure {

  private BackendFailure() {}

  public static GatewayError of(IOException e) {
    if (e instanceof BodyTooLargeException) {
      return GatewayError.of(413, "body_too_large", e.getMessage());
    }
    if (e instanceof SocketTimeoutException
        || e instanceof ConnectTimeoutException
        || e instanceof InterruptedIOException) {
      return GatewayError.of(504, "backend_timeout", "The backend did not answer in time");
    }
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException) {
      return GatewayError.of(502, "backend_unavailable", "The backend cannot be reached");
    }
    return GatewayError.of(502, "backend_error", "The backend connection failed");
  }
}
