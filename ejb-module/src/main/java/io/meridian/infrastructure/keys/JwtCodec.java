package io.meridian.infrastructure.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.meridian.shared.token.TokenClaims;
import io.meridian.shared.token.TokenSignature;
import java.util.Map;
import java.util.Optional;

/**
 * Signs access tokens and verifies them against a set of public keys, accepting only the algorithms
 * of {@link TokenClaims#ALLOWED_ALGORITHMS}.
 */
public final class JwtCodec {

  private JwtCodec() {}

  public static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType(TokenClaims.ACCESS_TOKEN_TYPE))
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /**
   * The claims of a token whose signature verifies with the key its {@code kid} names, or empty.
   * Expiry, issuer and revocation are the caller's to check.
   */
  public static Optional<JWTClaimsSet> verify(String token, Map<String, RSAKey> keysById) {
    if (new TokenSignature(keysById.values()).check(token)
        instanceof TokenSignature.Verified verified) {
      return Optional.of(verified.claims());
    }
    return Optional.empty();
  }
}
