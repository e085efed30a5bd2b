package io.meridian.sync;

/**
 * Implemented by the gateway: rebuild the node's state (keys, subscriptions, revocations, policies)
 * from the DC's database now, whatever the change log says. The sync's management operation {@code
 * reloadState()} calls it.
 *
 * @see SyncMXBean#reloadState()
 */
public interface StateReload {

  /** Reloads; returns what the node serves afterwards, in one line for an operator. */
  String reload() throws Exception;
}
