package io.meridian.gateway.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Keys and tokens shaped like the key manager's, for gateway tests. */
public final class TestTokens {

  public static final RSAKey KEY = generate("k1");
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  public static final String ISS = "https://issuer";
  public static final String AUD = "meridian-gateway";

  private TestTokens() {}

  public static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims of a valid token of application app-1 with scopes orders:read and orders:write. */
  public static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISS)
        .audience(AUD)
        .subject("dev")
        .jwtID("jti-1")
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .notBeforeTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(3600)))
        .claim("client_id", "c1")
        .claim("application_id", "app-1")
        .claim("scope", "orders:read orders:write");
  }

  public static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(kid)
                  .type(new JOSEObjectType("at+jwt"))
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
