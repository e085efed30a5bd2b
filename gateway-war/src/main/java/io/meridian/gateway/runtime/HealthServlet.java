package io.meridian.gateway.runtime;

import io.meridian.gateway.state.GatewayState;
import io.meridian.gateway.state.StateHolder;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Readiness of a gateway node, on the node's administration port (Payara's HTTP listener, not the
 * public gateway port): 200 once its public port is served and it holds a state to serve from, 503
 * before.
 */
@WebServlet("/-/health")
public class HealthServlet extends HttpServlet {

  @Inject StateHolder runtime;
  @Inject GatewayLifecycle server;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GatewayState state = runtime.state();
    response.setContentType("application/json");
    if (state == null || !server.serving()) {
      response.setStatus(503);
      response.getWriter().write("{\"status\":\"STARTING\"}");
      return;
    }
    response
        .getWriter()
        .write(
            "{\"status\":\"UP\",\"sequence\":"
                + state.sequence()
                + ",\"apis\":"
                + state.routes().size()
                + "}");
  }
}
