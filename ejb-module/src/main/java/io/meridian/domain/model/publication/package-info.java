/**
 * Publication to datacenters: the outbox of lifecycle changes to publish, the artifacts the
 * manifest lists, and what each datacenter's gateways acknowledged.
 */
package io.meridian.domain.model.publication;
