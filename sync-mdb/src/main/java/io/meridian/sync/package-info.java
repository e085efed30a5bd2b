/**
 * Keeps a gateway node's published APIs in step with the master: a message-driven bean receives
 * announcements from the DC's broker, the coordinator fetches and verifies artifacts, waits for the
 * local replica to reach the announced WAL position, activates, keeps a last-known-good cache on
 * disk and acknowledges to the master; a timer reconciles with the signed manifest. Operators see
 * it as the MXBean {@code io.meridian:type=Sync} and the {@code meridian_sync_*} metrics.
 */
package io.meridian.sync;
