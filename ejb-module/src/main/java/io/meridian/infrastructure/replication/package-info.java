/** What the master writes for read-only datacenters to measure their replica's lag by. */
package io.meridian.infrastructure.replication;
