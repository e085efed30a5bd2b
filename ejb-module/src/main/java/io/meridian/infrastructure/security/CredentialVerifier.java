package io.meridian.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords. REST clients send Basic credentials on every request and a strong
 * PBKDF2 check costs tens of milliseconds, so a successful check is remembered for a short while by
 * a digest of (username, password, stored hash): nothing secret is kept, and a password change
 * makes the stored hash, hence the digest, different.
 */
@ApplicationScoped
public class CredentialVerifier {

  private static final int MAX_REMEMBERED = 10_000;

  @Inject
  @ConfigProperty(name = "meridian.security.pbkdf2.iterations", defaultValue = "210000")
  int iterations;

  @Inject
  @ConfigProperty(name = "meridian.security.credential-cache-seconds", defaultValue = "60")
  int cacheSeconds;

  private final Map<String, Long> verified = new ConcurrentHashMap<>();

  private PasswordHasher hasher() {
    return new PasswordHasher(iterations);
  }

  public String hash(String password) {
    return hasher().hash(password);
  }

  public boolean verify(String username, String password, String storedHash) {
    String fingerprint = PasswordHasher.fingerprint(username, password, storedHash);
    long now = System.nanoTime();
    Long until = verified.get(fingerprint);
    if (until != null && until - now > 0) {
      return true;
    }
    boolean ok = hasher().verify(password, storedHash);
    if (ok && cacheSeconds > 0) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(fingerprint, now + cacheSeconds * 1_000_000_000L);
    }
    return ok;
  }
}
