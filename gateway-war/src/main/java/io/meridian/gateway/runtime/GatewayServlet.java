package io.meridian.gateway.runtime;

import io.meridian.gateway.filter.Exchange;
import io.meridian.gateway.filter.FilterChain;
import io.meridian.gateway.filter.GatewayError;
import io.meridian.gateway.filter.IncomingRequest;
import io.meridian.gateway.proxy.BackendClient;
import io.meridian.gateway.proxy.BackendFailure;
import io.meridian.gateway.proxy.HopByHop;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's front door: runs the inbound filter chain against the current state and, if no
 * filter refused, proxies to the backend. Blocking I/O: the backend call is the only thing on the
 * request path that touches the network.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class GatewayServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(GatewayServlet.class.getName());

  @Inject GatewayRuntime runtime;
  @Inject GatewaySettings settings;

  @Resource ManagedThreadFactory threads;

  private transient FilterChain chain;
  private transient BackendClient backend;
  private transient AccessLog accessLog;

  @Override
  public void init() {
    chain =
        FilterChain.standard(
            settings.maxUriLength(), settings.maxHeaderBytes(), settings.maxBodyBytes());
    backend =
        new BackendClient(
            settings.maxConnections(), settings.connectTimeoutMillis(), settings.maxBodyBytes());
    if (settings.accessLog()) {
      accessLog = new AccessLog(Path.of(settings.accessLogFile()), threads);
    }
    LOG.info(() -> "Gateway filter chain: " + chain.ids());
  }

  @Override
  public void destroy() {
    if (accessLog != null) {
      accessLog.close();
    }
    try {
      backend.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the backend pool", e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    String requestId = HopByHop.acceptableRequestId(request.getHeader("X-Request-Id"));
    if (requestId == null) {
      requestId = RequestIds.next();
    }
    response.setHeader("X-Request-Id", requestId);
    GatewayState state = runtime.state();
    if (state == null) {
      ErrorWriter.write(
          response,
          GatewayError.of(503, "not_ready", "The gateway has not loaded its configuration yet"),
          requestId);
      return;
    }
    String rawPath = request.getRequestURI().substring(request.getContextPath().length());
    Exchange exchange =
        new Exchange(
            new IncomingRequest(
                request.getMethod(),
                rawPath,
                request.getQueryString(),
                request.getHeader("Authorization"),
                request.getContentLengthLong(),
                headerBytes(request)),
            state);
    GatewayError refused = chain.run(exchange);
    if (refused != null) {
      ErrorWriter.write(response, refused, requestId);
    } else {
      proxy(request, response, exchange, requestId);
    }
    if (accessLog != null) {
      accessLog.log(exchange, request.getMethod(), requestId, response.getStatus(), start);
    }
  }

  private void proxy(
      HttpServletRequest request, HttpServletResponse response, Exchange exchange, String requestId)
      throws IOException {
    try {
      backend.forward(
          request,
          response,
          exchange.match().route().endpoint(),
          exchange.match().backendPath(),
          requestId);
    } catch (IllegalArgumentException e) {
      if (!response.isCommitted()) {
        ErrorWriter.write(
            response,
            GatewayError.of(400, "bad_request", "The request URI is malformed"),
            requestId);
      }
    } catch (IOException e) {
      if (response.isCommitted()) {
        LOG.log(Level.FINE, "Connection failed after the response started", e);
        return;
      }
      response.reset();
      response.setHeader("X-Request-Id", requestId);
      ErrorWriter.write(response, BackendFailure.of(e), requestId);
    }
  }

  private static int headerBytes(HttpServletRequest request) {
    int total = 0;
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        total += name.length() + values.nextElement().length() + 4;
      }
    }
    return total;
  }
}
