/** Subscriptions of applications to APIs, with a throttling tier and a state. */
package io.meridian.domain.model.subscription;
