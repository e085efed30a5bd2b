package io.meridian.application;

import io.meridian.domain.model.publication.DatacenterDeployment;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.shared.artifact.DeploymentAck;
import java.util.List;
import java.util.Optional;

/** What is published to the datacenters and what each of them serves. */
public interface DeploymentService {

  /** Records a gateway node's acknowledgement. */
  void record(DeploymentAck ack);

  /** The artifact the manifest lists for an API, if it is published. */
  Optional<DeployedArtifact> published(String apiId);

  /** Every artifact the manifest lists. */
  List<DeployedArtifact> allPublished();

  List<DatacenterDeployment> deploymentsOf(String apiId);

  List<DatacenterDeployment> allDeployments();
}
