package io.meridian.gateway.state;

import io.meridian.gateway.throttle.ThrottlePolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a gateway reads applications, subscriptions, keys and revocations: the master's database in
 * the master DC, the local hot standby in a read-only one. Returns plain values, never persistence
 * types. (Published APIs come from artifacts, see io.meridian.sync.)
 */
public interface ControlPlaneSource {

  /** A consistent read of everything a gateway needs, at one change-log sequence. */
  ControlPlaneData read() throws Exception;

  /**
   * The latest change-log sequence, to decide whether a new read is needed, and the master's
   * heartbeat as the source has it, to know how stale it is.
   */
  Progress progress() throws Exception;

  /**
   * Where the source is.
   *
   * @param heartbeatEpochMillis the master's newest heartbeat the source holds, or null when it
   *     holds none (a master before the heartbeat)
   */
  record Progress(long sequence, Long heartbeatEpochMillis) {}

  /** One subscription's state and throttling tier. */
  record SubscriptionRow(String applicationId, String apiId, String state, String tier) {}

  /**
   * A consistent read of the control plane.
   *
   * @param applicationTiers each application's throttling tier, by application id
   */
  record ControlPlaneData(
      long sequence,
      List<String> publicJwks,
      Set<String> revokedTokenIds,
      List<SubscriptionRow> subscriptions,
      List<ThrottlePolicy> policies,
      Map<String, String> applicationTiers) {}
}
