/** Key material: RSA signing keys, their encryption at rest, and JWT signing and verification. */
package io.meridian.infrastructure.keys;
