package io.meridian.infrastructure.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.meridian.domain.model.token.SigningKey;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Creates RS256 signing keys and turns stored ones back into usable keys. */
public final class RsaSigningKeys {

  static final int KEY_SIZE = 2048;

  private final KeyEncryption encryption;

  public RsaSigningKeys(KeyEncryption encryption) {
    this.encryption = encryption;
  }

  public SigningKey generate(OffsetDateTime now) {
    try {
      RSAKey key =
          new RSAKeyGenerator(KEY_SIZE)
              .keyID(UUID.randomUUID().toString())
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .generate();
      return new SigningKey(
          key.getKeyID(),
          JWSAlgorithm.RS256.getName(),
          key.toPublicJWK().toJSONString(),
          encryption.encrypt(key.toJSONString()),
          now);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  public RSAKey privateKey(SigningKey key) {
    return parse(encryption.decrypt(key.privateKeyEncrypted()));
  }

  /** The private key, or empty when it cannot be decrypted with the current secret. */
  public Optional<RSAKey> tryPrivateKey(SigningKey key) {
    try {
      return Optional.of(privateKey(key));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  public static RSAKey publicKey(SigningKey key) {
    return parse(key.publicJwk());
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("stored signing key is not a valid RSA JWK", e);
    }
  }
}
