package io.meridian.interfaces.publisher.web;

import io.meridian.application.DeploymentService;
import io.meridian.interfaces.publisher.rest.DeploymentResource;
import io.meridian.interfaces.publisher.rest.DeploymentResource.ApiDeploymentsView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The "Where it runs" table alone, which the API page fetches every few seconds: request scoped, so
 * polling keeps no view state in the session.
 */
@Named("deploymentsFragment")
@RequestScoped
public class DeploymentsFragment {

  @Inject DeploymentService deployments;

  private String id;

  public ApiDeploymentsView getDeployments() {
    return DeploymentResource.ofApi(deployments, id);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
