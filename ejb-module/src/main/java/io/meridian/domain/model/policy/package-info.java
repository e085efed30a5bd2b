/**
 * Throttling policies (tiers): how many requests, requests per second and bytes a subscription, an
 * application, an API or an operation may take per unit of time. Gateways enforce them.
 */
package io.meridian.domain.model.policy;
