package io.meridian.gateway.runtime;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Readiness of a gateway node: 200 once it holds a state to serve from, 503 before. {@code /-/}
 * cannot collide with an API, whose contexts start with a letter or digit.
 */
@WebServlet("/-/health")
public class HealthServlet extends HttpServlet {

  @Inject GatewayRuntime runtime;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    GatewayState state = runtime.state();
    response.setContentType("application/json");
    if (state == null) {
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
