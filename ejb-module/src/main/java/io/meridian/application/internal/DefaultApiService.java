package io.meridian.application.internal;

import io.meridian.application.ApiService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.ApiRevision;
import io.meridian.domain.model.api.ApiSpec;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.change.AuditEntry;
import io.meridian.domain.model.change.AuditLog;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.domain.model.publication.Publication;
import io.meridian.domain.model.publication.PublicationRepository;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import io.meridian.infrastructure.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Stateless
public class DefaultApiService implements ApiService {

  private static final String API = "api";
  private static final String SUBSCRIPTION = "subscription";

  @Inject ApiRepository apis;
  @Inject ThrottlingPolicyRepository tiers;
  @Inject SubscriptionRepository subscriptions;
  @Inject AuditLog auditLog;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;
  @Inject PublicationRepository publications;
  @Inject Event<PublicationRequested> publicationRequested;

  @Override
  public Api create(ApiSpec spec, String actor) {
    checkTiers(spec);
    checkUnique(spec, null);
    checkDefaultVersion(spec, null);
    Api api = Api.create(spec, actor, time.now());
    apis.add(api);
    changes.audit(API, api.id(), "created", actor, api.context() + " " + api.version());
    return api;
  }

  @Override
  public Api update(String apiId, ApiSpec spec, String actor) {
    Api api = get(apiId);
    checkTiers(spec);
    checkUnique(spec, apiId);
    checkDefaultVersion(spec, apiId);
    api.update(spec, time.now());
    changes.audit(API, apiId, "updated", actor, "");
    return api;
  }

  @Override
  public void delete(String apiId, String actor) {
    Api api = get(apiId);
    if (!api.state().isDeletable()) {
      throw DomainException.conflict(
          "api_not_deletable",
          "An API in state " + api.state() + " cannot be deleted; retire it first");
    }
    subscriptions.removeAllOfApi(apiId);
    apis.remove(api);
    changes.audit(API, apiId, "deleted", actor, api.context() + " " + api.version());
    changes.changed(ChangeType.API_DELETED, apiId);
  }

  @Override
  public Api transition(String apiId, ApiState target, String actor) {
    Api api = get(apiId);
    ApiState from = api.state();
    Optional<ApiRevision> revision = api.transitionTo(target, actor, time.now());
    revision.ifPresent(r -> recordRevision(r, actor, "revision " + r.number()));
    if (from != target) {
      changes.audit(API, apiId, "lifecycle", actor, from + " -> " + target);
    }
    if (from != target || revision.isPresent()) {
      requestPublication(api);
    }
    return api;
  }

  @Override
  public Api rollBack(String apiId, int number, String actor) {
    Api api = get(apiId);
    ApiRevision earlier = revision(apiId, number);
    ApiRevision r = api.rollBackTo(earlier, actor, time.now());
    recordRevision(r, actor, "revision " + r.number() + " = revision " + number + " (rollback)");
    requestPublication(api);
    return api;
  }

  private void recordRevision(ApiRevision r, String actor, String detail) {
    apis.addRevision(r);
    changes.audit(API, r.apiId(), "revision-published", actor, detail);
  }

  /** Same transaction as the change: the outbox entry exists if and only if the change does. */
  private void requestPublication(Api api) {
    publications.add(
        new Publication(api.id(), api.latestRevision(), api.state().name(), time.now()));
    publicationRequested.fire(new PublicationRequested(api.id()));
  }

  @Override
  public Api get(String apiId) {
    return apis.find(apiId)
        .orElseThrow(() -> DomainException.notFound("api_not_found", "No API with id " + apiId));
  }

  @Override
  public List<Api> search(String query, Set<ApiState> states, int offset, int limit) {
    return apis.search(query, states, offset, limit);
  }

  @Override
  public List<ApiRevision> revisions(String apiId) {
    get(apiId);
    return apis.revisions(apiId);
  }

  @Override
  public ApiRevision revision(String apiId, int number) {
    get(apiId);
    return apis.revision(apiId, number)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "revision_not_found", "API " + apiId + " has no revision " + number));
  }

  @Override
  public List<AuditEntry> audit(String apiId) {
    get(apiId);
    return auditLog.of(API, apiId);
  }

  @Override
  public List<Subscription> subscriptions(String apiId) {
    get(apiId);
    return subscriptions.findByApi(apiId);
  }

  @Override
  public Subscription blockSubscription(String apiId, String subscriptionId, String actor) {
    Subscription s = subscriptionOf(apiId, subscriptionId);
    s.block(time.now());
    recordSubscription(s, "blocked", actor);
    return s;
  }

  @Override
  public Subscription unblockSubscription(String apiId, String subscriptionId, String actor) {
    Subscription s = subscriptionOf(apiId, subscriptionId);
    s.unblock(time.now());
    recordSubscription(s, "unblocked", actor);
    return s;
  }

  private void recordSubscription(Subscription s, String action, String actor) {
    changes.audit(SUBSCRIPTION, s.id(), action, actor, "api " + s.apiId());
    changes.changed(ChangeType.SUBSCRIPTION_CHANGED, s.id());
  }

  private Subscription subscriptionOf(String apiId, String subscriptionId) {
    return subscriptions
        .find(subscriptionId)
        .filter(s -> s.apiId().equals(apiId))
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "subscription_not_found", "API " + apiId + " has no such subscription"));
  }

  private void checkTiers(ApiSpec spec) {
    spec.tierNames().stream().sorted().forEach(tier -> TierReferences.requireKnown(tiers, tier));
  }

  private void checkDefaultVersion(ApiSpec spec, String selfId) {
    if (!spec.defaultVersion()) {
      return;
    }
    apis.findDefaultVersions(spec.context()).stream()
        .filter(other -> !other.id().equals(selfId))
        .findFirst()
        .ifPresent(
            other -> {
              throw DomainException.conflict(
                  "default_version_taken",
                  "Version "
                      + other.version()
                      + " is already the default of "
                      + spec.context()
                      + "; unmark it first");
            });
  }

  private void checkUnique(ApiSpec spec, String selfId) {
    apis.findByContextAndVersion(spec.context(), spec.version())
        .filter(other -> !other.id().equals(selfId))
        .ifPresent(
            other -> {
              throw DomainException.conflict(
                  "api_exists",
                  "An API with context "
                      + spec.context()
                      + " and version "
                      + spec.version()
                      + " already exists");
            });
  }
}
