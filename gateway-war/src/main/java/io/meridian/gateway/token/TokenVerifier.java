package io.meridian.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.meridian.shared.token.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens with the key manager's public keys alone (RFC 8725): only the algorithms
 * of {@link TokenClaims#ALLOWED_ALGORITHMS}, a known {@code kid}, a valid signature, {@code exp}
 * and {@code nbf} within a small clock skew, the expected {@code iss} and {@code aud}. Successful
 * verifications are cached by the token's SHA-256 until the token expires; revocation and
 * subscriptions are the caller's to check on every request.
 */
public final class TokenVerifier {

  /** Largest token accepted; anything longer is refused before it is decoded. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  private static final int MAX_CACHED = 100_000;

  private final Map<String, RSASSAVerifier> verifiers = new HashMap<>();
  private final String issuer;
  private final String audience;
  private final long skewSeconds;
  private final Clock clock;
  private final Map<String, VerifiedToken> cache = new ConcurrentHashMap<>();

  public TokenVerifier(
      List<RSAKey> keys, String issuer, String audience, long skewSeconds, Clock clock) {
    for (RSAKey key : keys) {
      try {
        verifiers.put(key.getKeyID(), new RSASSAVerifier(key));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("unusable RSA key " + key.getKeyID(), e);
      }
    }
    this.issuer = issuer;
    this.audience = audience;
    this.skewSeconds = skewSeconds;
    this.clock = clock;
  }

  public TokenVerification verify(String token) {
    if (token == null || token.isEmpty()) {
      return new TokenVerification.Invalid("missing token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return new TokenVerification.Invalid("token too large");
    }
    long now = clock.millis() / 1000;
    String digest = sha256(token);
    VerifiedToken cached = cache.get(digest);
    if (cached != null) {
      if (cached.expiresAtEpochSecond() + skewSeconds > now) {
        return new TokenVerification.Valid(cached);
      }
      cache.remove(digest);
      return new TokenVerification.Invalid("token expired");
    }
    TokenVerification result = verifyUncached(token, now);
    if (result instanceof TokenVerification.Valid valid) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(digest, valid.token());
    }
    return result;
  }

  private TokenVerification verifyUncached(String token, long now) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return new TokenVerification.Invalid("malformed token");
    }
    JWSHeader header = jwt.getHeader();
    if (!TokenClaims.ALLOWED_ALGORITHMS.contains(header.getAlgorithm().getName())) {
      return new TokenVerification.Invalid("algorithm not allowed");
    }
    RSASSAVerifier verifier = header.getKeyID() == null ? null : verifiers.get(header.getKeyID());
    if (verifier == null) {
      return new TokenVerification.Invalid("unknown signing key");
    }
    try {
      if (!jwt.verify(verifier)) {
        return new TokenVerification.Invalid("bad signature");
      }
    } catch (JOSEException | RuntimeException e) {
      return new TokenVerification.Invalid("bad signature");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || exp.getTime() / 1000 + skewSeconds <= now) {
      return new TokenVerification.Invalid("token expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() / 1000 - skewSeconds > now) {
      return new TokenVerification.Invalid("token not yet valid");
    }
    if (!issuer.equals(claims.getIssuer())) {
      return new TokenVerification.Invalid("wrong issuer");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      return new TokenVerification.Invalid("wrong audience");
    }
    String jti = claims.getJWTID();
    String applicationId = stringClaim(claims, TokenClaims.APPLICATION_ID);
    if (jti == null || applicationId == null) {
      return new TokenVerification.Invalid("token lacks jti or application_id");
    }
    String scope = stringClaim(claims, TokenClaims.SCOPE);
    return new TokenVerification.Valid(
        new VerifiedToken(
            jti,
            stringClaim(claims, TokenClaims.CLIENT_ID),
            applicationId,
            claims.getSubject(),
            scope == null || scope.isBlank()
                ? Set.of()
                : new HashSet<>(Arrays.asList(scope.trim().split(" +"))),
            exp.getTime() / 1000));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object v = claims.getClaim(name);
    return v instanceof String s ? s : null;
  }

  private static String sha256(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return new String(d, StandardCharsets.ISO_8859_1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
