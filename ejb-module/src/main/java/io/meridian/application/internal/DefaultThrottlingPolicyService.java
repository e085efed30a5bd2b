package io.meridian.application.internal;

import io.meridian.application.ThrottlingPolicyService;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.application.ApplicationRepository;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.policy.PolicyUsage;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.policy.ThrottlingPolicyRepository;
import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

@Stateless
public class DefaultThrottlingPolicyService implements ThrottlingPolicyService {

  private static final String TIER = "tier";

  @Inject ThrottlingPolicyRepository policies;
  @Inject SubscriptionRepository subscriptions;
  @Inject ApplicationRepository applications;
  @Inject ApiRepository apis;
  @Inject ChangeRecorder changes;

  @Override
  public List<ThrottlingPolicy> list() {
    return policies.all();
  }

  @Override
  public ThrottlingPolicy get(String name) {
    return policies.find(name).orElseThrow(() -> notFound(name));
  }

  @Override
  public ThrottlingPolicy create(ThrottlingPolicySpec spec, String actor) {
    ThrottlingPolicy policy = ThrottlingPolicy.create(spec);
    if (policies.find(policy.name()).isPresent()) {
      throw DomainException.conflict(
          "tier_exists", "A throttling policy named " + policy.name() + " already exists");
    }
    policies.add(policy);
    recordChange(policy, "created", actor);
    return policy;
  }

  @Override
  public ThrottlingPolicy update(String name, ThrottlingPolicySpec spec, String actor) {
    ThrottlingPolicy policy = get(name);
    policy.update(spec);
    recordChange(policy, "updated", actor);
    return policy;
  }

  @Override
  public void delete(String name, String actor) {
    ThrottlingPolicy policy = policies.findForUpdate(name).orElseThrow(() -> notFound(name));
    PolicyUsage usage =
        new PolicyUsage(
            subscriptions.countNotEndedAtTier(name),
            applications.countAtTier(name),
            apis.countUsingTier(name));
    policy.checkDeletable(usage);
    // Ended subscriptions still name the tier (and the foreign key holds them to it); whoever
    // subscribes again chooses a tier anew, so they can move to the one that always exists.
    int moved = subscriptions.moveEndedToTier(name, ThrottlingPolicy.UNLIMITED);
    policies.remove(policy);
    changes.audit(
        TIER,
        name,
        "deleted",
        actor,
        moved == 0 ? "" : moved + " ended subscriptions moved to " + ThrottlingPolicy.UNLIMITED);
    changes.changed(ChangeType.TIER_CHANGED, name);
  }

  private void recordChange(ThrottlingPolicy policy, String action, String actor) {
    changes.audit(TIER, policy.name(), action, actor, policy.summary());
    changes.changed(ChangeType.TIER_CHANGED, policy.name());
  }

  private static DomainException notFound(String name) {
    return DomainException.notFound("tier_not_found", "No throttling policy named " + name);
  }
}
