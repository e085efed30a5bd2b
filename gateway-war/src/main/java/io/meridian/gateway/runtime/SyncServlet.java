package io.meridian.gateway.runtime;

import io.meridian.shared.json.Jsons;
import io.meridian.sync.SyncCoordinator;
import io.meridian.sync.SyncStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What this node's sync serves and whether it refused anything: the reconciled manifest revision,
 * each active API's revision, state and artifact hash, and the count of rejected artifacts (an
 * alarm when above zero).
 */
@WebServlet("/-/sync")
public class SyncServlet extends HttpServlet {

  @Inject SyncCoordinator coordinator;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SyncStatus s = coordinator.status();
    JsonObjectBuilder apis = Jsons.PROVIDER.createObjectBuilder();
    s.apis().forEach(apis::add);
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            Jsons.PROVIDER
                .createObjectBuilder()
                .add("reconciledManifest", s.reconciledManifest())
                .add("rejectedArtifacts", s.rejectedArtifacts())
                .add("restoredFromCache", s.restoredFromCache())
                .add("lastError", s.lastError() == null ? "" : s.lastError())
                .add("apis", apis)
                .build()
                .toString());
  }
}
