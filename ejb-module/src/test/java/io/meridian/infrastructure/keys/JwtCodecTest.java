package io.meridian.infrastructure.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.meridian.domain.model.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtCodecTest {

  private static final RsaSigningKeys KEYS =
      new RsaSigningKeys(new KeyEncryption("0123456789abcdef0123456789abcdef"));
  private static final SigningKey STORED = KEYS.generate(OffsetDateTime.now());
  private static final RSAKey PRIVATE = KEYS.privateKey(STORED);
  private static final Map<String, RSAKey> PUBLISHED =
      Map.of(STORED.kid(), RsaSigningKeys.publicKey(STORED));

  private static JWTClaimsSet claims() {
    return new JWTClaimsSet.Builder().subject("dev").jwtID("j1").claim("scope", "a").build();
  }

  @Test
  void verifiesItsOwnTokensWithThePublicKeyAlone() {
    String token = JwtCodec.sign(claims(), PRIVATE);
    assertEquals("dev", JwtCodec.verify(token, PUBLISHED).orElseThrow().getSubject());
    assertTrue(STORED.publicJwk().contains("\"kid\""));
    assertTrue(!STORED.publicJwk().contains("\"d\""), "public JWK must not carry the private part");
  }

  @Test
  void rejectsAnUnsignedToken() {
    String none = new PlainJWT(claims()).serialize();
    assertTrue(JwtCodec.verify(none, PUBLISHED).isEmpty());
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() throws Exception {
    byte[] publicBytes = RsaSigningKeys.publicKey(STORED).toRSAPublicKey().getEncoded();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(STORED.kid()).build(), claims());
    forged.sign(new MACSigner(publicBytes));
    assertTrue(JwtCodec.verify(forged.serialize(), PUBLISHED).isEmpty());
  }

  @Test
  void rejectsATokenSignedByAnUnknownKey() {
    SigningKey other = KEYS.generate(OffsetDateTime.now());
    String token = JwtCodec.sign(claims(), KEYS.privateKey(other));
    assertTrue(JwtCodec.verify(token, PUBLISHED).isEmpty());
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = JwtCodec.sign(claims(), PRIVATE).split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"sub\":\"admin\",\"jti\":\"j1\"}".getBytes(StandardCharsets.UTF_8));
    assertTrue(JwtCodec.verify(parts[0] + "." + payload + "." + parts[2], PUBLISHED).isEmpty());
  }

  @Test
  void rejectsGarbageAndOversizedTokens() {
    assertTrue(JwtCodec.verify("not.a.jwt", PUBLISHED).isEmpty());
    assertTrue(
        JwtCodec.verify(
                "x".repeat(io.meridian.shared.token.TokenSignature.MAX_TOKEN_LENGTH + 1), PUBLISHED)
            .isEmpty());
    assertTrue(JwtCodec.verify(null, PUBLISHED).isEmpty());
  }
}
