/**
 * The key manager's model: signing keys and their rotation, refresh tokens, revocations of access
 * tokens and the scope a token is granted.
 */
package io.meridian.domain.model.token;
