package io.meridian.application.internal;

import io.meridian.application.DeploymentService;
import io.meridian.domain.model.publication.DatacenterDeployment;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.infrastructure.TimeSource;
import io.meridian.shared.artifact.DeploymentAck;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Stateless
public class DefaultDeploymentService implements DeploymentService {

  @Inject PublicationRepository publications;
  @Inject TimeSource time;

  @Override
  public void record(DeploymentAck ack) {
    OffsetDateTime publishedAt =
        publications
            .deployed(ack.apiId())
            .filter(d -> d.sha256().equals(ack.sha256()))
            .map(DeployedArtifact::publishedAt)
            .orElse(null);
    publications
        .deployment(ack.datacenter(), ack.node(), ack.apiId())
        .acknowledge(
            ack.revision(),
            ack.state().name(),
            ack.sha256(),
            ack.manifestRevision(),
            OffsetDateTime.parse(ack.activatedAt()),
            time.now(),
            publishedAt);
  }

  @Override
  public Optional<DeployedArtifact> published(String apiId) {
    return publications.deployed(apiId);
  }

  @Override
  public List<DeployedArtifact> allPublished() {
    return publications.allDeployed();
  }

  @Override
  public List<DatacenterDeployment> deploymentsOf(String apiId) {
    return publications.deploymentsOf(apiId);
  }

  @Override
  public List<DatacenterDeployment> allDeployments() {
    return publications.allDeployments();
  }
}
