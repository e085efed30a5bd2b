package io.meridian.gateway.state;

import io.meridian.gateway.throttle.ThrottlePolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The throttling policies by name and each application's tier, as of one snapshot. */
public final class Policies {

  private final Map<String, ThrottlePolicy> byName = new HashMap<>();
  private final Map<String, String> applicationTiers;

  public Policies(List<ThrottlePolicy> policies, Map<String, String> applicationTiers) {
    policies.forEach(p -> byName.put(p.name(), p));
    this.applicationTiers = Map.copyOf(applicationTiers);
  }

  public static Policies none() {
    return new Policies(List.of(), Map.of());
  }

  /** The policy of that name if it limits anything, else null (Unlimited, or unknown). */
  public ThrottlePolicy limiting(String name) {
    ThrottlePolicy p = name == null ? null : byName.get(name);
    return p == null || p.unlimited() ? null : p;
  }

  /** The application's tier, or null. */
  public String applicationTier(String applicationId) {
    return applicationTiers.get(applicationId);
  }
}
