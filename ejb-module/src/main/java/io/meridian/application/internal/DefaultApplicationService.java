package io.meridian.application.internal;

import io.meridian.application.ApplicationService;
import io.meridian.domain.model.api.Api;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.ApplicationRepository;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import io.meridian.infrastructure.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Stateless
public class DefaultApplicationService implements ApplicationService {

  private static final String APPLICATION = "application";

  @Inject ApplicationRepository applications;
  @Inject SubscriptionRepository subscriptions;
  @Inject ApiRepository apis;
  @Inject ThrottlingPolicyRepository tiers;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;

  @Override
  public Application create(String owner, String name, String description, String tier) {
    Application app = Application.create(owner, name, description, tier, time.now());
    checkNameFree(owner, app.name());
    TierReferences.requireKnown(tiers, app.tier());
    applications.add(app);
    changes.audit(APPLICATION, app.id(), "created", owner, app.name() + " tier " + app.tier());
    changes.changed(ChangeType.APPLICATION_CHANGED, app.id());
    return app;
  }

  @Override
  public List<Application> list(String owner) {
    return applications.findByOwner(owner);
  }

  @Override
  public Application get(String owner, String applicationId) {
    return applications
        .find(applicationId)
        .filter(app -> app.isOwnedBy(owner))
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "application_not_found", "You have no application with id " + applicationId));
  }

  @Override
  public Application update(
      String owner, String applicationId, String name, String description, String tier) {
    Application app = get(owner, applicationId);
    String newName = Require.text(name, "name", 100);
    if (!newName.equals(app.name())) {
      checkNameFree(owner, newName);
    }
    app.update(newName, description, tier);
    // An unknown tier fails the call, and the transaction rolls the change back.
    TierReferences.requireKnown(tiers, app.tier());
    // Gateways read the application's tier from their replica: APPLICATION_CHANGED reloads it.
    changes.audit(APPLICATION, app.id(), "updated", owner, app.name() + " tier " + app.tier());
    changes.changed(ChangeType.APPLICATION_CHANGED, app.id());
    return app;
  }

  @Override
  public void delete(String owner, String applicationId) {
    Application app = get(owner, applicationId);
    subscriptions.removeAllOfApplication(app.id());
    applications.remove(app);
    changes.audit(APPLICATION, app.id(), "deleted", owner, app.name());
    changes.changed(ChangeType.APPLICATION_DELETED, app.id());
  }

  @Override
  public Subscription subscribe(String owner, String applicationId, String apiId, String tier) {
    Application app = get(owner, applicationId);
    Api api =
        apis.find(Require.text(apiId, "apiId", 36))
            .filter(a -> a.state().isListedInStore())
            .orElseThrow(
                () -> DomainException.notFound("api_not_found", "No API with id " + apiId));
    if (!api.state().acceptsSubscriptions()) {
      throw DomainException.conflict(
          "api_not_subscribable",
          "API " + api.name() + " is " + api.state() + " and takes no new subscriptions");
    }
    String tierName = TierReferences.requireKnown(tiers, Require.text(tier, "tier", 64));
    Optional<Subscription> existing = subscriptions.findByApplicationAndApi(app.id(), api.id());
    Subscription s;
    if (existing.isPresent()) {
      s = existing.get();
      s.resubscribe(tierName, time.now());
    } else {
      s = Subscription.create(app.id(), api.id(), tierName, time.now());
      subscriptions.add(s);
    }
    changes.audit(
        "subscription", s.id(), "subscribed", owner, "api " + api.id() + " tier " + tierName);
    changes.changed(ChangeType.SUBSCRIPTION_CHANGED, s.id());
    return s;
  }

  @Override
  public List<Subscription> subscriptions(String owner, String applicationId) {
    return subscriptions.findByApplication(get(owner, applicationId).id());
  }

  @Override
  public Subscription unsubscribe(String owner, String applicationId, String subscriptionId) {
    Application app = get(owner, applicationId);
    Subscription s =
        subscriptions
            .find(subscriptionId)
            .filter(sub -> sub.applicationId().equals(app.id()))
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "subscription_not_found", "The application has no such subscription"));
    s.unsubscribe(time.now());
    changes.audit("subscription", s.id(), "unsubscribed", owner, "api " + s.apiId());
    changes.changed(ChangeType.SUBSCRIPTION_CHANGED, s.id());
    return s;
  }

  @Override
  public OAuthClient.Issued generateKeys(
      String owner, String applicationId, Set<GrantType> grants) {
    Application app = get(owner, applicationId);
    if (applications.findClientOfApplication(app.id()).isPresent()) {
      throw DomainException.conflict(
          "keys_exist", "The application already has keys; regenerate the secret instead");
    }
    OAuthClient.Issued issued = OAuthClient.issue(app.id(), grants, time.now());
    applications.addClient(issued.client());
    changes.audit(APPLICATION, app.id(), "keys-generated", owner, issued.client().consumerKey());
    changes.changed(ChangeType.OAUTH_CLIENT_CHANGED, issued.client().consumerKey());
    return issued;
  }

  @Override
  public OAuthClient.Issued regenerateSecret(String owner, String applicationId) {
    Application app = get(owner, applicationId);
    OAuthClient client = keysOf(app);
    String secret = client.rotateSecret(time.now());
    changes.audit(APPLICATION, app.id(), "secret-regenerated", owner, client.consumerKey());
    changes.changed(ChangeType.OAUTH_CLIENT_CHANGED, client.consumerKey());
    return new OAuthClient.Issued(client, secret);
  }

  @Override
  public OAuthClient keys(String owner, String applicationId) {
    return keysOf(get(owner, applicationId));
  }

  private OAuthClient keysOf(Application app) {
    return applications
        .findClientOfApplication(app.id())
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "keys_not_found", "The application has no keys yet; generate them first"));
  }

  private void checkNameFree(String owner, String name) {
    if (applications.existsByOwnerAndName(owner, name)) {
      throw DomainException.conflict(
          "application_exists", "You already have an application named " + name);
    }
  }
}
