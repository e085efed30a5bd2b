package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.application.ThrottlingPolicyService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.publisher.rest.ApiAssembler;
import io.meridian.interfaces.publisher.rest.ApiView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Creates an API, or edits one ({@code id} parameter): rows of operations and datacenter overrides
 * are added and removed on the server, so the page needs no script. Saving goes through the same
 * assembler and service as {@code PUT /apis/{id}}.
 */
@Named("apiEdit")
@ViewScoped
public class ApiEditPage implements Serializable {

  /** Which input a broken rule is about, by the field its message names or by its code. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "name", "api:name",
          "context", "api:context",
          "version", "api:version",
          "description", "api:description",
          "invalid_tag", "api:tags",
          "invalid_timeout", "api:timeout",
          "endpoints.production", "api:urls",
          "an", "api:urls",
          "invalid_endpoint_url", "api:urls",
          "duplicate_endpoint_url", "api:urls");

  @Inject ApiService apis;
  @Inject ThrottlingPolicyService tiers;

  private String id;
  private ApiForm form;

  public void load() {
    if (form != null) {
      return;
    }
    if (id == null || id.isBlank()) {
      form = ApiForm.blank();
      return;
    }
    try {
      form = ApiForm.of(ApiAssembler.toView(apis.get(id)));
    } catch (DomainException e) {
      Pages.notFound(e.getMessage());
    }
  }

  public void addOperation() {
    form.getOperations().add(new ApiForm.OperationRow());
  }

  public void removeOperation(ApiForm.OperationRow row) {
    form.getOperations().remove(row);
  }

  public void addOverride() {
    form.getOverrides().add(new ApiForm.OverrideRow());
  }

  public void removeOverride(ApiForm.OverrideRow row) {
    form.getOverrides().remove(row);
  }

  public void save() {
    try {
      Api saved;
      if (isNew()) {
        saved = apis.create(ApiAssembler.toSpec(form.toRequest(null)), Pages.userName());
        Pages.flash("API created. Publish it when it is ready.");
      } else {
        ApiView current = ApiAssembler.toView(apis.get(id));
        saved = apis.update(id, ApiAssembler.toSpec(form.toRequest(current)), Pages.userName());
        Pages.flash("Saved. Publish again to put the change in service.");
      }
      Pages.redirect("/api.xhtml?id=" + saved.id());
    } catch (DomainException e) {
      Pages.fail(e, FIELDS);
    }
  }

  public List<String> getTiers() {
    return tiers.list().stream().map(ThrottlingPolicy::name).toList();
  }

  public List<String> getMethods() {
    return List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  }

  public boolean isNew() {
    return id == null || id.isBlank();
  }

  public ApiForm getForm() {
    return form;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
