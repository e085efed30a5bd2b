package io.meridian.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JWT attack matrix: every token here must be refused, the valid one accepted. */
class TokenVerifierTest {

  static final RSAKey KEY = TestTokens.KEY;
  static final RSAKey OTHER = TestTokens.generate("k2");
  static final Instant NOW = TestTokens.NOW;
  static final String ISS = TestTokens.ISS;
  static final String AUD = TestTokens.AUD;

  private final TokenVerifier verifier =
      new TokenVerifier(List.of(KEY.toPublicJWK()), ISS, AUD, 30, Clock.fixed(NOW, ZoneOffset.UTC));

  static JWTClaimsSet.Builder claims() {
    return TestTokens.claims();
  }

  static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
    return TestTokens.sign(claims, key, kid);
  }

  private String reason(String token) {
    return assertInstanceOf(TokenVerification.Invalid.class, verifier.verify(token)).reason();
  }

  @Test
  void acceptsAValidToken() {
    VerifiedToken t =
        assertInstanceOf(
                TokenVerification.Valid.class, verifier.verify(sign(claims().build(), KEY, "k1")))
            .token();
    assertEquals("app-1", t.applicationId());
    assertEquals(Set.of("orders:read", "orders:write"), t.scopes());
    assertEquals("jti-1", t.jti());
  }

  @Test
  void refusesAlgNone() {
    assertEquals("malformed token", reason(new PlainJWT(claims().build()).serialize()));
  }

  @Test
  void refusesHs256SignedWithThePublicKey() throws Exception {
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
    forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
    assertEquals("algorithm not allowed", reason(forged.serialize()));
  }

  @Test
  void refusesATokenSignedByAnUnknownKey() {
    assertEquals("unknown signing key", reason(sign(claims().build(), OTHER, "k2")));
  }

  @Test
  void refusesAKnownKidWithTheWrongKey() {
    assertEquals("bad signature", reason(sign(claims().build(), OTHER, "k1")));
  }

  @Test
  void refusesAMissingKid() {
    assertEquals("unknown signing key", reason(sign(claims().build(), KEY, null)));
  }

  @Test
  void refusesExpiredBeyondTheSkew() {
    assertEquals(
        "token expired",
        reason(sign(claims().expirationTime(Date.from(NOW.minusSeconds(31))).build(), KEY, "k1")));
    assertInstanceOf(
        TokenVerification.Valid.class,
        verifier.verify(
            sign(claims().expirationTime(Date.from(NOW.minusSeconds(20))).build(), KEY, "k1")));
  }

  @Test
  void refusesNotYetValid() {
    assertEquals(
        "token not yet valid",
        reason(sign(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build(), KEY, "k1")));
  }

  @Test
  void refusesWrongIssuerAndAudience() {
    assertEquals("wrong issuer", reason(sign(claims().issuer("https://evil").build(), KEY, "k1")));
    assertEquals("wrong audience", reason(sign(claims().audience("other").build(), KEY, "k1")));
  }

  @Test
  void refusesTokensWithoutJtiOrApplication() {
    assertEquals(
        "token lacks jti or application_id", reason(sign(claims().jwtID(null).build(), KEY, "k1")));
    assertEquals(
        "token lacks jti or application_id",
        reason(sign(claims().claim("application_id", null).build(), KEY, "k1")));
  }

  @Test
  void refusesMalformedBase64AndGarbage() {
    String[] parts = sign(claims().build(), KEY, "k1").split("\\.");
    assertEquals("malformed token", reason(parts[0] + ".%%%not-base64%%%." + parts[2]));
    assertEquals("malformed token", reason("abc"));
    assertEquals("missing token", reason(""));
  }

  @Test
  void refusesATamperedPayload() {
    String[] parts = sign(claims().build(), KEY, "k1").split("\\.");
    String other = sign(claims().subject("admin").build(), KEY, "k1").split("\\.")[1];
    assertEquals("bad signature", reason(parts[0] + "." + other + "." + parts[2]));
  }

  @Test
  void refusesAnOversizedToken() {
    assertEquals(
        "token too large",
        reason("a".repeat(io.meridian.shared.token.TokenSignature.MAX_TOKEN_LENGTH + 1)));
  }

  @Test
  void aCachedTokenStillExpires() {
    MutableClock clock = new MutableClock(NOW);
    TokenVerifier cached = new TokenVerifier(List.of(KEY.toPublicJWK()), ISS, AUD, 30, clock);
    String token = sign(claims().expirationTime(Date.from(NOW.plusSeconds(5))).build(), KEY, "k1");
    assertInstanceOf(TokenVerification.Valid.class, cached.verify(token));
    assertInstanceOf(TokenVerification.Valid.class, cached.verify(token));
    assertEquals(1, cached.cacheSize());
    assertEquals(1, cached.cacheHits());
    assertEquals(1, cached.cacheMisses());
    clock.now = NOW.plusSeconds(60);
    assertEquals("token expired", ((TokenVerification.Invalid) cached.verify(token)).reason());
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
