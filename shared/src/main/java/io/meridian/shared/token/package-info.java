/**
 * The contract of a Meridian access token: what the key manager puts into a JWT and what a gateway
 * may rely on when it verifies one with the published public keys alone.
 */
package io.meridian.shared.token;
