/**
 * Local verification of access tokens with the published public keys: a fixed algorithm allow-list,
 * issuer, audience and time checks, and a cache of successful verifications.
 */
package io.meridian.gateway.token;
