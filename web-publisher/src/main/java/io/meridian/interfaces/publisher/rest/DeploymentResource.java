package io.meridian.interfaces.publisher.rest;

import io.meridian.application.DeploymentService;
import io.meridian.domain.model.publication.DatacenterDeployment;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.domain.model.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where published APIs run: the artifact the manifest lists for an API and what each datacenter's
 * gateway nodes acknowledged serving.
 */
@Path("deployments")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

  @Inject DeploymentService deployments;

  /** One node's acknowledged deployment; {@code current} when it serves the published artifact. */
  public record NodeDeploymentView(
      String datacenter,
      String node,
      String apiId,
      int revision,
      String state,
      String sha256,
      long manifestRevision,
      OffsetDateTime activatedAt,
      Long lagMillis,
      boolean current) {

    static NodeDeploymentView of(DatacenterDeployment d, String publishedSha) {
      return new NodeDeploymentView(
          d.datacenter(),
          d.node(),
          d.apiId(),
          d.revision(),
          d.state(),
          d.sha256(),
          d.manifestRevision(),
          d.activatedAt(),
          d.lagMillis(),
          d.sha256().equals(publishedSha));
    }
  }

  /** An API's published artifact (null before its first publication) and its deployments. */
  public record ApiDeploymentsView(
      String apiId,
      Integer publishedRevision,
      String publishedSha256,
      OffsetDateTime publishedAt,
      List<NodeDeploymentView> nodes) {}

  /** Served as GET /apis/{id}/deployments by {@link ApiResource}. */
  public static ApiDeploymentsView ofApi(DeploymentService deployments, String id) {
    DeployedArtifact published = deployments.published(id).orElse(null);
    String sha = published == null ? null : published.sha256();
    return new ApiDeploymentsView(
        id,
        published == null ? null : published.revision(),
        sha,
        published == null ? null : published.publishedAt(),
        deployments.deploymentsOf(id).stream().map(d -> NodeDeploymentView.of(d, sha)).toList());
  }

  @GET
  public List<NodeDeploymentView> all() {
    // One read of the manifest's artifacts, not one per acknowledged node.
    Map<String, String> publishedSha =
        deployments.allPublished().stream()
            .collect(Collectors.toMap(DeployedArtifact::apiId, DeployedArtifact::sha256));
    return deployments.allDeployments().stream()
        .map(d -> NodeDeploymentView.of(d, publishedSha.get(d.apiId())))
        .toList();
  }
}
