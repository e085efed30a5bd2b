package io.meridian.gateway.state;

import java.util.HashMap;
import java.util.Map;

/** Subscription states by application and API, as the gateway checks them on every request. */
public final class Subscriptions {

  /** What a subscription check can find. */
  public enum Status {
    ACTIVE,
    BLOCKED,
    NONE
  }

  private final Map<String, Map<String, Status>> byApplication = new HashMap<>();
  private final Map<String, Map<String, String>> tiers = new HashMap<>();

  /** A subscription with its throttling tier. */
  public void put(String applicationId, String apiId, String state, String tier) {
    put(applicationId, apiId, state);
    if (tier != null) {
      tiers.computeIfAbsent(applicationId, k -> new HashMap<>()).put(apiId, tier);
    }
  }

  public void put(String applicationId, String apiId, String state) {
    Status status =
        switch (state) {
          case "ACTIVE" -> Status.ACTIVE;
          case "BLOCKED" -> Status.BLOCKED;
          default -> Status.NONE;
        };
    byApplication.computeIfAbsent(applicationId, k -> new HashMap<>()).put(apiId, status);
  }

  public Status status(String applicationId, String apiId) {
    Map<String, Status> apis = byApplication.get(applicationId);
    if (apis == null) {
      return Status.NONE;
    }
    return apis.getOrDefault(apiId, Status.NONE);
  }

  /** The subscription's throttling tier, or null. */
  public String tier(String applicationId, String apiId) {
    Map<String, String> apis = tiers.get(applicationId);
    return apis == null ? null : apis.get(apiId);
  }
}
