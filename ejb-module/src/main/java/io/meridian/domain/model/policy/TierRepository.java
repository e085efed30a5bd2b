package io.meridian.domain.model.policy;

import java.util.List;
import java.util.Optional;

/** Stores throttling tiers. */
public interface TierRepository {

  Optional<Tier> find(String name);

  List<Tier> all();
}
