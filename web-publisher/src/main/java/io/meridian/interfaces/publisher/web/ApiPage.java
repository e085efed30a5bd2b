package io.meridian.interfaces.publisher.web;

import io.meridian.application.ApiService;
import io.meridian.application.DeploymentService;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.publisher.rest.ApiAssembler;
import io.meridian.interfaces.publisher.rest.ApiView;
import io.meridian.interfaces.publisher.rest.DeploymentResource;
import io.meridian.interfaces.publisher.rest.DeploymentResource.ApiDeploymentsView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One API: its definition, the lifecycle actions its state allows, its revisions (roll back to one,
 * compare two) and where it runs. Actions post, then redirect back to the page. View scoped: what
 * the buttons' {@code rendered} conditions read must still be there when their post is decoded.
 */
@Named("apiPage")
@ViewScoped
public class ApiPage implements Serializable {

  @Inject ApiService apis;
  @Inject DeploymentService deployments;

  private String id;
  private ApiView api;
  private List<ApiRevision> revisions;

  /** Loads the API named by the page's {@code id} parameter; a wrong id is a 404. */
  public void load() {
    try {
      api = ApiAssembler.toView(apis.get(id));
    } catch (DomainException e) {
      Pages.notFound(e.getMessage());
    }
  }

  public ApiView getApi() {
    return api;
  }

  public List<ApiRevision> getRevisions() {
    if (revisions == null) {
      revisions = new ArrayList<>(apis.revisions(id));
      Collections.reverse(revisions);
    }
    return revisions;
  }

  public ApiDeploymentsView getDeployments() {
    return DeploymentResource.ofApi(deployments, id);
  }

  public boolean can(String state) {
    return api != null && ApiState.valueOf(api.state()).canBecome(ApiState.valueOf(state));
  }

  public void transition(String state) {
    act(
        () -> apis.transition(id, ApiState.valueOf(state), Pages.userName()),
        switch (ApiState.valueOf(state)) {
          case PUBLISHED -> "Published. Gateways pick it up within a second or two.";
          case DEPRECATED -> "Deprecated: no new subscriptions, existing ones keep working.";
          case RETIRED -> "Retired: gateways stop serving it.";
          case BLOCKED -> "Blocked: gateways refuse its calls until you unblock it.";
          case CREATED -> "Done.";
        });
  }

  public void rollBack(int number) {
    act(
        () -> apis.rollBack(id, number, Pages.userName()),
        "Revision " + number + " is back in service as a new publication.");
  }

  public void delete() {
    try {
      apis.delete(id, Pages.userName());
      Pages.flash("API deleted.");
      Pages.redirect("/");
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Pages.flash(done);
      Pages.redirect("/api.xhtml?id=" + id);
    } catch (DomainException e) {
      Pages.fail(e);
      load();
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
