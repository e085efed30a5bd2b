/**
 * What changed and who changed it: the change log that read-only datacenters follow on their
 * replica, and the audit trail for people.
 */
package io.meridian.domain.model.change;
