package io.meridian.domain.model.change;

/** The kinds of change a gateway cares about. */
public enum ChangeType {
  API_REVISION_PUBLISHED,
  API_STATE_CHANGED,
  API_DELETED,
  APPLICATION_CHANGED,
  APPLICATION_DELETED,
  SUBSCRIPTION_CHANGED,
  OAUTH_CLIENT_CHANGED,
  SIGNING_KEY_CHANGED,
  TOKEN_REVOKED,
  TIER_CHANGED
}
