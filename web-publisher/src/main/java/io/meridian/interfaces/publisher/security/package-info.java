/**
 * How callers of the publisher REST API sign in: HTTP Basic for people, and bearer access tokens
 * from Meridian's own key manager for automation, verified by MicroProfile JWT.
 */
package io.meridian.interfaces.publisher.security;
