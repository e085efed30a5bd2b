package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.application.OpenApiService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an OpenAPI 3 document, pasted or uploaded, as a new API; with an {@code id} parameter, as
 * the new definition of that API (its context, endpoints and rules stay). The same service as
 * {@code POST /apis/openapi} and {@code PUT /apis/{id}/openapi}.
 */
@Named("apiImport")
@RequestScoped
public class ImportPage {

  /** Read at most one byte more than the service takes, so it can say the document is too big. */
  static final int MAX_READ = 2 * 1024 * 1024 + 1;

  private static final Map<String, String> FIELDS =
      Map.of(
          "invalid_openapi", "import:document",
          "document_too_large", "import:document",
          "missing_body", "import:document",
          "openapi_version_mismatch", "import:document",
          "context", "import:context",
          "invalid_context", "import:context",
          "invalid_endpoint_url", "import:endpoint");

  @Inject OpenApiService openApi;
  @Inject ApiService apis;

  private String id;
  private String document;
  private Part file;
  private String context;
  private String endpoint;
  private Optional<String> apiName;

  /** The API being redefined, for the page's heading; null for a new one. Read once a request. */
  public String getApiName() {
    if (apiName == null && id != null && !id.isBlank()) {
      try {
        apiName = Optional.of(apis.get(id).name());
      } catch (DomainException e) {
        apiName = Optional.empty();
      }
    }
    return apiName == null ? null : apiName.orElse(null);
  }

  public void importDocument() {
    try {
      String text = uploaded();
      if (text == null || text.isBlank()) {
        text = document;
      }
      Api api =
          id == null || id.isBlank()
              ? openApi.importNew(
                  text, blankToNull(context), blankToNull(endpoint), Pages.userName())
              : openApi.reimport(id, text, Pages.userName());
      Pages.flash(
          "Imported "
              + api.operations().size()
              + " operations. Check them, then publish the API to put it in service.");
      Pages.redirect("/api.xhtml?id=" + api.id());
    } catch (DomainException e) {
      Pages.fail(e, FIELDS);
    } catch (IOException e) {
      Pages.error("import:file", "The file could not be read; try again or paste the document.");
    }
  }

  private String uploaded() throws IOException {
    if (file == null || file.getSize() == 0) {
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDocument() {
    return document;
  }

  public void setDocument(String document) {
    this.document = document;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getContext() {
    return context;
  }

  public void setContext(String context) {
    this.context = context;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }
}
