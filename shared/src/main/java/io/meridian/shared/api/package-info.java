/**
 * The published form of an API: the immutable definition frozen in a revision and read by gateways.
 * Its canonical JSON is what revisions hash and what artifacts will carry.
 */
package io.meridian.shared.api;
