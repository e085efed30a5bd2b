/**
 * Keeps a gateway node's published APIs in step with the master. A message-driven bean receives
 * announcements from the DC's broker; the {@code SyncCoordinator} wires the parts: the announcement
 * handler (with its retry schedule) and the reconciler against the signed manifest fetch and verify
 * artifacts ({@code VerifiedArtifacts}, {@code ArtifactFetcher}) and wait for the local replica
 * ({@code ReplicaGate}) without holding any lock; the {@code ActiveSet} swaps what is served, keeps
 * the last-known-good cache on disk, activates and acknowledges to the master. Operators see it as
 * the MXBean {@code io.meridian:type=Sync}, the {@code meridian_sync_*} metrics and {@code
 * /-/sync}.
 */
package io.meridian.sync;
