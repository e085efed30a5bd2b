package io.meridian.gateway.runtime;

import io.meridian.shared.api.ApiDefinition;
import java.util.List;
import java.util.Set;

/**
 * Where a gateway reads the control plane's state: the master's database in a single datacenter, a
 * local replica in a read-only one. Returns plain values, never persistence types.
 */
public interface ControlPlaneSource {

  /** A consistent read of everything a gateway needs, at one change-log sequence. */
  ControlPlaneData read() throws Exception;

  /** The latest change-log sequence, to decide whether a new read is needed. */
  long latestSequence() throws Exception;

  /** A published API at its latest revision; {@code blocked} when the API is BLOCKED. */
  record PublishedApi(ApiDefinition definition, int revision, boolean blocked) {}

  /** One subscription's state. */
  record SubscriptionRow(String applicationId, String apiId, String state) {}

  /** A consistent read of the control plane. */
  record ControlPlaneData(
      long sequence,
      List<PublishedApi> apis,
      List<String> publicJwks,
      Set<String> revokedTokenIds,
      List<SubscriptionRow> subscriptions) {}
}
