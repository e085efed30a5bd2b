package io.meridian.application.internal;

import com.nimbusds.jose.jwk.RSAKey;
import io.meridian.application.KeyService;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.token.KeyRing;
import io.meridian.domain.model.token.SigningKey;
import io.meridian.domain.model.token.SigningKeyRepository;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.keys.KeyEncryption;
import io.meridian.infrastructure.keys.RsaSigningKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class DefaultKeyService implements KeyService {

  private static final Logger LOG = Logger.getLogger(DefaultKeyService.class.getName());

  @Inject SigningKeyRepository keys;
  @Inject KeyEncryption encryption;
  @Inject KeyManagerSettings settings;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;

  @Override
  public List<SigningKey> published() {
    return ring().published(time.now(), settings.maxTokenLifetime());
  }

  @Override
  public RSAKey signer() {
    RsaSigningKeys rsa = new RsaSigningKeys(encryption);
    Optional<SigningKey> current = ring().signingKey();
    if (current.isPresent()) {
      Optional<RSAKey> usable = rsa.tryPrivateKey(current.get());
      if (usable.isPresent()) {
        return usable.get();
      }
      // The key encryption secret changed (a master moved without its secret file): the stored
      // private key is unusable, so sign with a new key; the old public key stays published.
      LOG.severe(
          "Signing key "
              + current.get().kid()
              + " cannot be decrypted with the configured key encryption secret; rotating");
    }
    return rsa.privateKey(rotate("system"));
  }

  @Override
  public SigningKey rotate(String actor) {
    KeyRing ring = ring();
    SigningKey next = new RsaSigningKeys(encryption).generate(time.now());
    keys.add(next);
    ring.rotateTo(next, time.now());
    ring.expired(time.now(), settings.maxTokenLifetime()).forEach(keys::remove);
    changes.audit("signing-key", next.kid(), "rotated", actor, next.algorithm());
    changes.changed(ChangeType.SIGNING_KEY_CHANGED, next.kid());
    return next;
  }

  private KeyRing ring() {
    return new KeyRing(keys.all());
  }
}
