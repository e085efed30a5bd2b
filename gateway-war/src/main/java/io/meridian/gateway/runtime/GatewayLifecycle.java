package io.meridian.gateway.runtime;

import io.meridian.gateway.edge.AccessLog;
import io.meridian.gateway.edge.EdgeSettings;
import io.meridian.gateway.edge.GatewayServer;
import io.meridian.gateway.state.StateHolder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the gateway's event-loop server on the public port when the WAR deploys, and stops it when
 * it undeploys. Deployment fails if the server cannot listen: a node that cannot serve must not
 * look healthy.
 */
@Singleton
@Startup
public class GatewayLifecycle {

  private static final Logger LOG = Logger.getLogger(GatewayLifecycle.class.getName());

  @Inject GatewaySettings settings;
  @Inject StateHolder holder;

  @Resource ManagedThreadFactory threads;

  private GatewayServer server;
  private AccessLog accessLog;

  @PostConstruct
  void start() {
    EdgeSettings edge = settings.edge();
    if (settings.accessLog()) {
      accessLog = new AccessLog(Path.of(settings.accessLogFile()), threads);
    }
    try {
      server = GatewayServer.start(edge, holder, accessLog);
    } catch (Exception e) {
      if (accessLog != null) {
        accessLog.close();
      }
      throw new IllegalStateException(
          "The gateway cannot listen on " + edge.host() + ":" + edge.port(), e);
    }
    LOG.info(
        () ->
            "Gateway serving on "
                + (edge.tls() ? "https" : "http")
                + "://"
                + edge.host()
                + ":"
                + server.port()
                + " with "
                + edge.eventLoops()
                + " event loop(s)");
  }

  @PreDestroy
  void stop() {
    try {
      server.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Stopping the gateway server", e);
    }
    if (accessLog != null) {
      accessLog.close();
    }
  }

  /** Whether the public port is served. */
  public boolean serving() {
    return server != null;
  }
}
