/**
 * What the master publishes and read-only datacenters pull: content-addressed, signed artifacts of
 * API revisions, the signed manifest of what is active, the announcement of a publication and a
 * datacenter's acknowledgement, and the stores (WebDAV or directory) that hold the files.
 */
package io.meridian.shared.artifact;
