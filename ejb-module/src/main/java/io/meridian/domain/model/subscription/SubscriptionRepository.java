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

  /** How many subscriptions at {@code tier} are not ended (active or blocked). */
  long countNotEndedAtTier(String tier);

  /**
   * Moves ended (UNSUBSCRIBED) subscriptions from tier {@code from} to tier {@code to}, so that
   * {@code from} can be deleted; subscribing again chooses a tier anew anyway.
   *
   * @return how many were moved
   */
  int moveEndedToTier(String from, String to);
}
