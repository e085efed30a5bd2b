package io.meridian.application.internal;

import io.meridian.application.ControlPlaneFigures;
import io.meridian.application.KeyService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.publication.DeployedArtifact;
import io.meridian.domain.model.publication.OutboxBacklog;
import io.meridian.domain.model.publication.Publication;
import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.domain.model.token.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultControlPlaneFigures implements ControlPlaneFigures {

  @Inject PublicationRepository publications;
  @Inject ApiRepository apis;
  @Inject KeyService keys;

  @Override
  public OutboxBacklog outboxBacklog() {
    return publications.backlog();
  }

  @Override
  public Optional<LastPublication> lastPublication() {
    return publications.lastAnnounced().map(this::describe);
  }

  private LastPublication describe(Publication p) {
    String api =
        apis.find(p.apiId())
            .map(DefaultControlPlaneFigures::name)
            .orElse("deleted API " + p.apiId());
    return new LastPublication(
        p.apiId(), api, p.revision(), p.state(), p.requestedAt(), p.announcedAt());
  }

  private static String name(Api a) {
    return a.name() + " " + a.context() + "/" + a.version();
  }

  @Override
  public List<NodeDeployment> deployments() {
    Map<String, String> publishedSha =
        publications.allDeployed().stream()
            .collect(Collectors.toMap(DeployedArtifact::apiId, DeployedArtifact::sha256));
    return publications.allDeployments().stream()
        .map(
            d ->
                new NodeDeployment(
                    d.datacenter(),
                    d.node(),
                    d.apiId(),
                    d.revision(),
                    d.state(),
                    d.activatedAt(),
                    d.lagMillis(),
                    d.sha256().equals(publishedSha.get(d.apiId()))))
        .toList();
  }

  @Override
  public List<SigningKey> signingKeys() {
    return keys.published();
  }
}
