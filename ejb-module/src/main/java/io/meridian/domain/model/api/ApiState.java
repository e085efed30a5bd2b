package io.meridian.domain.model.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an API: CREATED → PUBLISHED → DEPRECATED → RETIRED, and PUBLISHED ↔ BLOCKED.
 * PUBLISHED → PUBLISHED is a re-publish, which freezes a new revision if the API changed.
 */
public enum ApiState {
  CREATED,
  PUBLISHED,
  BLOCKED,
  DEPRECATED,
  RETIRED;

  private Set<ApiState> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(PUBLISHED);
      case PUBLISHED -> EnumSet.of(PUBLISHED, DEPRECATED, BLOCKED);
      case BLOCKED -> EnumSet.of(PUBLISHED);
      case DEPRECATED -> EnumSet.of(RETIRED);
      case RETIRED -> EnumSet.noneOf(ApiState.class);
    };
  }

  public boolean canBecome(ApiState target) {
    return next().contains(target);
  }

  /** States in which the definition may still be edited. */
  public boolean isEditable() {
    return this == CREATED || this == PUBLISHED || this == BLOCKED;
  }

  /** New subscriptions are only taken while an API is published. */
  public boolean acceptsSubscriptions() {
    return this == PUBLISHED;
  }

  /** States a developer sees in the store. */
  public boolean isListedInStore() {
    return this == PUBLISHED || this == DEPRECATED;
  }

  /** An API may only be deleted before it was ever published, or once retired. */
  public boolean isDeletable() {
    return this == CREATED || this == RETIRED;
  }
}
