package io.meridian.shared.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The signature check every verifier of Meridian tokens shares, the key manager's introspection and
 * the gateway alike (RFC 8725): a size cap, only the algorithms of {@link
 * TokenClaims#ALLOWED_ALGORITHMS}, a {@code kid} naming a published key, a valid signature. Times,
 * issuer, audience and revocation are the caller's to check.
 */
public final class TokenSignature {

  /** Largest token accepted; anything longer is refused before it is decoded. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  /** The outcome of a check. */
  public sealed interface Check {}

  /** The signature is valid; these are the token's claims. */
  public record Verified(JWTClaimsSet claims) implements Check {}

  /** Refused; {@code reason} is safe to show a client and never contains the token. */
  public record Refused(String reason) implements Check {}

  private final Map<String, RSASSAVerifier> verifiers = new HashMap<>();

  public TokenSignature(Collection<RSAKey> publicKeys) {
    for (RSAKey key : publicKeys) {
      try {
        verifiers.put(key.getKeyID(), new RSASSAVerifier(key));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("unusable RSA key " + key.getKeyID(), e);
      }
    }
  }

  /** Why a token is refused before it is even decoded, or null if its size is acceptable. */
  public static String sizeProblem(String token) {
    if (token == null || token.isEmpty()) {
      return "missing token";
    }
    return token.length() > MAX_TOKEN_LENGTH ? "token too large" : null;
  }

  public Check check(String token) {
    String sizeProblem = sizeProblem(token);
    if (sizeProblem != null) {
      return new Refused(sizeProblem);
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return new Refused("malformed token");
    }
    JWSHeader header = jwt.getHeader();
    if (!TokenClaims.ALLOWED_ALGORITHMS.contains(header.getAlgorithm().getName())) {
      return new Refused("algorithm not allowed");
    }
    RSASSAVerifier verifier = header.getKeyID() == null ? null : verifiers.get(header.getKeyID());
    if (verifier == null) {
      return new Refused("unknown signing key");
    }
    try {
      return jwt.verify(verifier) ? new Verified(claims) : new Refused("bad signature");
    } catch (JOSEException | RuntimeException e) {
      return new Refused("bad signature");
    }
  }
}
