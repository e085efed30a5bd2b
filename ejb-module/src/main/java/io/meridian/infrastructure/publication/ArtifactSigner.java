package io.meridian.infrastructure.publication;

import io.meridian.infrastructure.Resources;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.keys.KeyEncryption;
import io.meridian.shared.artifact.DocumentSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signs artifacts and manifests with the master's Ed25519 key, created (encrypted at rest) on first
 * use. Gateways find the public key by its id in the replicated {@code artifact_signing_keys}.
 */
@ApplicationScoped
public class ArtifactSigner {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  EntityManager em;

  @Inject KeyEncryption encryption;
  @Inject TimeSource time;

  private volatile Loaded loaded;

  protected ArtifactSigner() {}

  public ArtifactSigner(EntityManager em, KeyEncryption encryption, TimeSource time) {
    this.em = em;
    this.encryption = encryption;
    this.time = time;
  }

  private record Loaded(String kid, PrivateKey key) {}

  /** Signs in the caller's transaction (which also stores a new key, the first time). */
  public DocumentSignature sign(byte[] document) {
    Loaded k = loaded;
    if (k == null) {
      k = loadOrCreate();
      loaded = k;
    }
    return DocumentSignature.sign(document, k.kid(), k.key());
  }

  private Loaded loadOrCreate() {
    try {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT kid, private_key FROM artifact_signing_keys ORDER BY created_at DESC")
              .setMaxResults(1)
              .getResultList();
      if (!rows.isEmpty()) {
        String kid = (String) rows.get(0)[0];
        byte[] pkcs8 = Base64.getDecoder().decode(encryption.decrypt((String) rows.get(0)[1]));
        return new Loaded(
            kid,
            KeyFactory.getInstance(DocumentSignature.ALG)
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
      }
      KeyPair pair = KeyPairGenerator.getInstance(DocumentSignature.ALG).generateKeyPair();
      String kid = "art-" + UUID.randomUUID();
      em.createNativeQuery(
              "INSERT INTO artifact_signing_keys (kid, public_key, private_key, created_at)"
                  + " VALUES (?, ?, ?, ?)")
          .setParameter(1, kid)
          .setParameter(2, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
          .setParameter(
              3,
              encryption.encrypt(
                  Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())))
          .setParameter(4, time.now())
          .executeUpdate();
      return new Loaded(kid, pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the artifact signing key", e);
    }
  }
}
