package io.meridian.domain.model.policy;

import java.util.List;
import java.util.Optional;

/** Stores throttling policies. */
public interface ThrottlingPolicyRepository {

  Optional<ThrottlingPolicy> find(String name);

  /**
   * The policy, its row locked until the transaction ends, so that nothing can start using it while
   * it is checked and deleted.
   */
  Optional<ThrottlingPolicy> findForUpdate(String name);

  /** Every policy, by request count (highest first), then name. */
  List<ThrottlingPolicy> all();

  void add(ThrottlingPolicy policy);

  void remove(ThrottlingPolicy policy);
}
