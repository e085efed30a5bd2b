/** Throttling tiers: how many requests a subscription may make per unit of time. */
package io.meridian.domain.model.policy;
