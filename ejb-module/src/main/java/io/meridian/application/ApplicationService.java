package io.meridian.application;

import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.subscription.Subscription;
import java.util.List;
import java.util.Set;

/**
 * A developer's applications, their subscriptions and credentials. Every call names the acting
 * developer; another developer's application is reported as not found.
 */
public interface ApplicationService {

  /** Creates an application; its tier (null: Unlimited) must be a known policy. */
  Application create(String owner, String name, String description, String tier);

  List<Application> list(String owner);

  Application get(String owner, String applicationId);

  /** Replaces name, description and tier (null: Unlimited). */
  Application update(
      String owner, String applicationId, String name, String description, String tier);

  void delete(String owner, String applicationId);

  Subscription subscribe(String owner, String applicationId, String apiId, String tier);

  List<Subscription> subscriptions(String owner, String applicationId);

  Subscription unsubscribe(String owner, String applicationId, String subscriptionId);

  /** Generates the application's consumer key and secret; refused if it already has them. */
  OAuthClient.Issued generateKeys(String owner, String applicationId, Set<GrantType> grants);

  /** Replaces the consumer secret; the old one stops working at once. */
  OAuthClient.Issued regenerateSecret(String owner, String applicationId);

  /** The application's client; refused with keys_not_found before keys were generated. */
  OAuthClient keys(String owner, String applicationId);
}
