/**
 * The gateway's read-only view of the control plane's tables, through the {@code meridian-replica}
 * persistence unit on the DC's database (the hot standby in a read-only DC). Entities here map only
 * the columns a gateway needs, are never written, and are read in one read-only REPEATABLE READ
 * transaction per snapshot.
 */
package io.meridian.gateway.replica;
