/**
 * The key manager's OAuth 2.0 endpoints under {@code /store/oauth2}: token (RFC 6749), revocation
 * (RFC 7009), introspection (RFC 7662) and the public keys (RFC 7517). Errors use the OAuth error
 * shape, not the problem shape of the REST APIs.
 */
package io.meridian.interfaces.oauth2;
