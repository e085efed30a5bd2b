package io.meridian.application;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import java.util.List;

/**
 * Throttling policies: everyone who may see them reads them, administrators define, change and
 * delete them. Every change reaches the gateways through the change log.
 */
public interface ThrottlingPolicyService {

  List<ThrottlingPolicy> list();

  ThrottlingPolicy get(String name);

  /** Creates a policy; refused with tier_exists when the name is taken. */
  ThrottlingPolicy create(ThrottlingPolicySpec spec, String actor);

  /** Replaces everything but the name. */
  ThrottlingPolicy update(String name, ThrottlingPolicySpec spec, String actor);

  /**
   * Deletes a policy nothing uses (tier_in_use otherwise); Unlimited is never deleted
   * (tier_protected).
   */
  void delete(String name, String actor);
}
