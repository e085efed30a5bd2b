package io.meridian.domain.model.subscription;

import java.util.List;
import java.util.Optional;

/** Stores subscriptions. */
public interface SubscriptionRepository {

  Optional<Subscription> find(String id);

  Optional<Subscription> findByApplicationAndApi(String applicationId, String apiId);

  List<Subscription> findByApplication(String applicationId);

  List<Subscription> findByApi(String apiId);

  void add(Subscription subscription);

  void removeAllOfApplication(String applicationId);

  void removeAllOfApi(String apiId);
}
