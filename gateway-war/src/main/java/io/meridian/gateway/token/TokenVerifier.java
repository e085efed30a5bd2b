package io.meridian.gateway.token;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.meridian.shared.token.TokenClaims;
import io.meridian.shared.token.TokenSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Verifies access tokens with the key manager's public keys alone: the shared {@link
 * TokenSignature} check (RFC 8725), then {@code exp} and {@code nbf} within a small clock skew, the
 * expected {@code iss} and {@code aud}. Successful verifications are cached by the token's SHA-256
 * until the token expires; revocation and subscriptions are the caller's to check on every request.
 * Cache hits and misses are counted (for operators) from the moment this verifier, that is this set
 * of keys, was built.
 */
public final class TokenVerifier {

  private static final int MAX_CACHED = 100_000;

  private final TokenSignature signature;
  private final String issuer;
  private final String audience;
  private final long skewSeconds;
  private final Clock clock;
  private final Map<String, VerifiedToken> cache = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public TokenVerifier(
      List<RSAKey> keys, String issuer, String audience, long skewSeconds, Clock clock) {
    this.signature = new TokenSignature(keys);
    this.issuer = issuer;
    this.audience = audience;
    this.skewSeconds = skewSeconds;
    this.clock = clock;
  }

  public TokenVerification verify(String token) {
    String sizeProblem = TokenSignature.sizeProblem(token);
    if (sizeProblem != null) {
      return new TokenVerification.Invalid(sizeProblem);
    }
    long now = clock.millis() / 1000;
    String digest = sha256(token);
    VerifiedToken cached = cache.get(digest);
    if (cached != null) {
      hits.increment();
      if (cached.expiresAtEpochSecond() + skewSeconds > now) {
        return new TokenVerification.Valid(cached);
      }
      cache.remove(digest);
      return new TokenVerification.Invalid("token expired");
    }
    misses.increment();
    TokenVerification result = verifyUncached(token, now);
    if (result instanceof TokenVerification.Valid valid) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(digest, valid.token());
    }
    return result;
  }

  /** Verified tokens held in the cache now. */
  public int cacheSize() {
    return cache.size();
  }

  /** Well-formed tokens answered from the cache. */
  public long cacheHits() {
    return hits.sum();
  }

  /** Well-formed tokens whose signature had to be checked (valid or not). */
  public long cacheMisses() {
    return misses.sum();
  }

  private TokenVerification verifyUncached(String token, long now) {
    TokenSignature.Check check = signature.check(token);
    if (check instanceof TokenSignature.Refused refused) {
      return new TokenVerification.Invalid(refused.reason());
    }
    JWTClaimsSet claims = ((TokenSignature.Verified) check).claims();
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

  /** One digest per thread: looking the algorithm up costs more than hashing a token. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private static String sha256(String token) {
    byte[] d = SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
    return new String(d, StandardCharsets.ISO_8859_1);
  }
}
