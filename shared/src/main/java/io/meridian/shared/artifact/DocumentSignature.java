package io.meridian.shared.artifact;

import io.meridian.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Function;

/**
 * An Ed25519 signature over a document's exact bytes, stored beside it as {@code
 * {"alg":"Ed25519","kid":"...","sig":"base64url"}}. The key id tells a verifier which public key to
 * use.
 */
public record DocumentSignature(String kid, String signature) {

  public static final String ALG = "Ed25519";

  public static DocumentSignature sign(byte[] document, String kid, PrivateKey key) {
    try {
      Signature s = Signature.getInstance(ALG);
      s.initSign(key);
      s.update(document);
      return new DocumentSignature(
          kid, Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with Ed25519", e);
    }
  }

  /**
   * Checks this signature over {@code document}; {@code publicKeys} maps a key id to its
   * base64-encoded X.509 public key, or null when the key is unknown.
   *
   * @throws ArtifactException unknown_key or bad_signature
   */
  public void verify(byte[] document, Function<String, String> publicKeys) {
    String encoded = publicKeys.apply(kid);
    if (encoded == null) {
      throw new ArtifactException("unknown_key", "Signed with an unknown key " + kid);
    }
    boolean ok;
    try {
      Signature s = Signature.getInstance(ALG);
      s.initVerify(publicKey(encoded));
      s.update(document);
      ok = s.verify(Base64.getUrlDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      ok = false;
    }
    if (!ok) {
      throw new ArtifactException("bad_signature", "The signature does not match the document");
    }
  }

  public static PublicKey publicKey(String base64X509) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALG)
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509)));
  }

  public byte[] toBytes() {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("alg", ALG)
        .add("kid", kid)
        .add("sig", signature)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  public static DocumentSignature fromBytes(byte[] bytes) {
    try (var reader =
        Jsons.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      JsonObject o = reader.readObject();
      if (!ALG.equals(o.getString("alg", ""))) {
        throw new ArtifactException("bad_signature", "Unsupported signature algorithm");
      }
      return new DocumentSignature(o.getString("kid"), o.getString("sig"));
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException("bad_signature", "Unreadable signature", e);
    }
  }
}
