package io.meridian.application;

import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.change.AuditEntry;
import io.meridian.domain.model.subscription.Subscription;
import java.util.List;
import java.util.Set;

/** What publishers do with APIs: define, evolve, move through the lifecycle, govern access. */
public interface ApiService {

  Api create(ApiSpec spec, String actor);

  Api update(String apiId, ApiSpec spec, String actor);

  void delete(String apiId, String actor);

  /** Moves an API to {@code target}; publishing freezes a revision when the API changed. */
  Api transition(String apiId, ApiState target, String actor);

  /**
   * Puts revision {@code number} back in service everywhere, as a new revision published like any
   * other (announced, activated and acknowledged per datacenter).
   */
  Api rollBack(String apiId, int number, String actor);

  Api get(String apiId);

  List<Api> search(String query, Set<ApiState> states, int offset, int limit);

  List<ApiRevision> revisions(String apiId);

  ApiRevision revision(String apiId, int number);

  List<AuditEntry> audit(String apiId);

  List<Subscription> subscriptions(String apiId);

  Subscription blockSubscription(String apiId, String subscriptionId, String actor);

  Subscription unblockSubscription(String apiId, String subscriptionId, String actor);
}
