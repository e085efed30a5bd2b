package io.meridian.gateway.proxy;

import io.meridian.shared.api.EndpointDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends a request to a backend over pooled keep-alive connections (Apache HttpClient 5, classic
 * blocking I/O, which measured fastest inside Payara Micro) and streams the answer back.
 */
public final class BackendClient implements AutoCloseable {

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;

  private final long maxBodyBytes;

  public BackendClient(int maxConnections, int connectTimeoutMillis, long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            // LAX: per-route pools without the global lock that STRICT takes on every lease and
            // release (the lock showed up as the top waiter under load).
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableDefaultUserAgent()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  /**
   * Forwards the request to {@code endpoint} + {@code backendPath}; writes the backend's status,
   * headers and body to {@code response}. Throws the I/O failure for the caller to map, before
   * anything was written where possible.
   */
  public void forward(
      HttpServletRequest request,
      HttpServletResponse response,
      EndpointDefinition endpoint,
      String backendPath,
      String requestId)
      throws IOException {
    String query = request.getQueryString();
    URI target = URI.create(endpoint.url() + backendPath + (query == null ? "" : "?" + query));
    HttpUriRequestBase out = new HttpUriRequestBase(request.getMethod(), target);
    out.setConfig(
        RequestConfig.custom()
            .setResponseTimeout(endpoint.timeoutMillis(), TimeUnit.MILLISECONDS)
            .setConnectionRequestTimeout(Timeout.ofMilliseconds(endpoint.timeoutMillis()))
            .build());
    copyRequestHeaders(request, out);
    out.setHeader(
        "X-Forwarded-For",
        HopByHop.forwardedFor(request.getHeader("X-Forwarded-For"), request.getRemoteAddr()));
    out.setHeader("X-Forwarded-Proto", request.getScheme());
    String host = request.getHeader("Host");
    if (host != null) {
      out.setHeader("X-Forwarded-Host", host);
    }
    out.setHeader("X-Request-Id", requestId);
    long length = request.getContentLengthLong();
    if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
      String type = request.getContentType();
      out.setEntity(
          new InputStreamEntity(
              length >= 0
                  ? request.getInputStream()
                  : new LimitedInputStream(request.getInputStream(), maxBodyBytes),
              length,
              type == null ? null : ContentType.parseLenient(type)));
    }
    client.execute(
        out,
        (ClassicHttpResponse in) -> {
          relay(in, response);
          return null;
        });
  }

  private static void copyRequestHeaders(HttpServletRequest request, HttpUriRequestBase out) {
    Set<String> excluded = HopByHop.excluded(request.getHeader("Connection"), true);
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (excluded.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        out.addHeader(name, values.nextElement());
      }
    }
  }

  private static void relay(ClassicHttpResponse in, HttpServletResponse response)
      throws IOException {
    response.setStatus(in.getCode());
    Header connection = in.getFirstHeader("Connection");
    Set<String> excluded =
        HopByHop.excluded(connection == null ? null : connection.getValue(), false);
    for (Header h : in.getHeaders()) {
      if (!excluded.contains(h.getName().toLowerCase(Locale.ROOT))) {
        response.addHeader(h.getName(), h.getValue());
      }
    }
    HttpEntity entity = in.getEntity();
    if (entity == null) {
      response.setContentLength(0);
      return;
    }
    if (entity.getContentLength() >= 0) {
      response.setContentLengthLong(entity.getContentLength());
    }
    OutputStream body = response.getOutputStream();
    entity.writeTo(body);
    body.flush();
  }

  @Override
  public void close() throws IOException {
    client.close();
    pool.close();
  }
}
