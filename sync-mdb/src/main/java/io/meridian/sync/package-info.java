/**
 * Artifact synchronisation of read-only datacenters: the message-driven bean that pulls published
 * API artifacts and activates them. Built by the multi-datacenter work.
 */
package io.meridian.sync;
