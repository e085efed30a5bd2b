package io.meridian.application;

import io.meridian.domain.model.token.SigningKey;
import java.util.List;

/** The key manager's signing keys. */
public interface KeyService {

  /** The keys verifiers need now (the JWKS), the signing key first. */
  List<SigningKey> published();

  /** The key that signs new tokens, created on first use. */
  SigningKey signingKey();

  /** Replaces the signing key; the old one stays published until its tokens have expired. */
  SigningKey rotate(String actor);
}
