package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.application.OpenApiService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * "Export OpenAPI" on the API page: the API as an OpenAPI 3 document, downloaded ({@code
 * ?id=&format=yaml} for YAML). Behind the page guard like every page; the REST API's {@code GET
 * /apis/{id}/openapi} is the same export for tools.
 */
@WebServlet("/export")
public class OpenApiDownload extends HttpServlet {

  @Inject OpenApiService openApi;
  @Inject ApiService apis;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    boolean yaml = "yaml".equals(request.getParameter("format"));
    Api api;
    String document;
    try {
      api = apis.get(id == null ? "" : id);
      document = openApi.export(api.id(), yaml);
    } catch (DomainException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such API");
      return;
    }
    String file =
        (api.context().substring(1).replace('/', '-') + "-" + api.version())
                .replaceAll("[^A-Za-z0-9._-]", "_")
            + (yaml ? ".openapi.yaml" : ".openapi.json");
    response.setContentType(yaml ? "application/yaml" : "application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    response.getOutputStream().write(document.getBytes(StandardCharsets.UTF_8));
  }
}
