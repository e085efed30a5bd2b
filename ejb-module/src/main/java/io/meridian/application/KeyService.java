package io.meridian.application;

import com.nimbusds.jose.jwk.RSAKey;
import io.meridian.domain.model.token.SigningKey;
import java.util.List;

/** The key manager's signing keys. */
public interface KeyService {

  /** The keys verifiers need now (the JWKS), the signing key first. */
  List<SigningKey> published();

  /**
   * The private key that signs new tokens, decrypted: created on first use, and replaced by a new
   * one if the stored key cannot be decrypted with the configured secret.
   */
  RSAKey signer();

  /** Replaces the signing key; the old one stays published until its tokens have expired. */
  SigningKey rotate(String actor);
}
