package io.meridian.domain.model.change;

/**
 * The kinds of change a gateway reads its database again for. An API's revisions and lifecycle
 * states are not among them: they reach gateways as announced artifacts, and logging them made
 * every node of every DC read keys, subscriptions and revocations again at the moment each
 * publication reached it. (A deletion is: it takes the API's subscriptions with it.)
 */
public enum ChangeType {
  API_DELETED,
  APPLICATION_CHANGED,
  APPLICATION_DELETED,
  SUBSCRIPTION_CHANGED,
  OAUTH_CLIENT_CHANGED,
  SIGNING_KEY_CHANGED,
  TOKEN_REVOKED,
  TIER_CHANGED
}
