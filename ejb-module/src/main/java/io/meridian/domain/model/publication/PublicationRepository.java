package io.meridian.domain.model.publication;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The outbox, the deployed artifacts and the datacenters' acknowledgements. */
public interface PublicationRepository {

  void add(Publication publication);

  /** The entry, locked for the caller's transaction. */
  Optional<Publication> lock(long id);

  /** Ids of entries not yet published, oldest first. */
  List<Long> unpublished(int limit);

  /** Ids of published entries not yet announced, oldest first. */
  List<Long> unannounced(int limit);

  /** The newest published entry that no manifest covers yet (a manifest covers all before it). */
  Optional<Long> newestUnlisted();

  /** Records that the manifest numbered {@code id} covers every published entry up to it. */
  void listedUpTo(long id, OffsetDateTime at);

  /** How many entries are not yet announced, and the oldest of them. */
  OutboxBacklog backlog();

  /** The entry announced last (skipped entries aside), if any. */
  Optional<Publication> lastAnnounced();

  Optional<DeployedArtifact> deployed(String apiId);

  List<DeployedArtifact> allDeployed();

  void saveDeployed(DeployedArtifact artifact);

  void removeDeployed(String apiId);

  DatacenterDeployment deployment(String datacenter, String node, String apiId);

  List<DatacenterDeployment> deploymentsOf(String apiId);

  List<DatacenterDeployment> allDeployments();

  /** The master's WAL position now, as PostgreSQL prints it (e.g. 0/3000148). */
  String currentWalPosition();
}
