package io.meridian.application;

import io.meridian.domain.model.publication.OutboxBacklog;
import io.meridian.domain.model.token.SigningKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The figures an operator watches on the master, read fresh from the primary database: the one
 * source of the {@code io.meridian:type=ControlPlane} MXBean and of the {@code meridian_*} metrics.
 */
public interface ControlPlaneFigures {

  OutboxBacklog outboxBacklog();

  Optional<LastPublication> lastPublication();

  /** What every gateway node of every datacenter acknowledged serving, as {@code /deployments}. */
  List<NodeDeployment> deployments();

  /** The token signing keys in the JWKS, the signing one first. */
  List<SigningKey> signingKeys();

  /** The outbox entry announced last, with the API it published. */
  record LastPublication(
      String apiId,
      String api,
      int revision,
      String state,
      OffsetDateTime requestedAt,
      OffsetDateTime announcedAt) {

    /** One line for people: {@code Pizza /pizza/1.0 revision 2 PUBLISHED, announced ...}. */
    public String describe() {
      return api + " revision " + revision + " " + state + ", announced " + announcedAt;
    }
  }

  /**
   * One node's acknowledged deployment of an API.
   *
   * @param lagMillis from publication to activation; null when the master no longer knew when the
   *     acknowledged artifact was published
   * @param current whether it serves the artifact the manifest lists now
   */
  record NodeDeployment(
      String datacenter,
      String node,
      String apiId,
      int revision,
      String state,
      OffsetDateTime activatedAt,
      Long lagMillis,
      boolean current) {}
}
