package io.meridian.application.internal;

import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.domain.model.shared.DomainException;

/** Checks that a tier named by a subscription, application or API is a known policy. */
final class TierReferences {

  private TierReferences() {}

  /** Returns {@code name}; a 400 unknown_tier when no policy has that name. */
  static String requireKnown(ThrottlingPolicyRepository policies, String name) {
    if (policies.find(name).isEmpty()) {
      throw DomainException.invalid("unknown_tier", "There is no tier named " + name);
    }
    return name;
  }
}
