package io.meridian.domain.model.token;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The set of signing keys and the rotation rule: exactly one key signs; a rotation retires it and
 * the retired key stays published until every token it signed has expired.
 */
public final class KeyRing {

  private final List<SigningKey> keys;

  public KeyRing(List<SigningKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** The key that signs new tokens: the newest active one. */
  public Optional<SigningKey> signingKey() {
    return keys.stream()
        .filter(SigningKey::isActive)
        .max(Comparator.comparing(SigningKey::createdAt));
  }

  /** Makes {@code next} the signing key; the keys it replaces are retired, not deleted. */
  public void rotateTo(SigningKey next, OffsetDateTime now) {
    keys.stream().filter(k -> k != next).forEach(k -> k.retire(now));
  }

  /** The keys a verifier must know now, the signing key first. */
  public List<SigningKey> published(OffsetDateTime now, Duration maxTokenLifetime) {
    return keys.stream()
        .filter(k -> k.isPublished(now, maxTokenLifetime))
        .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
        .toList();
  }

  /** Retired keys no verifier can need any more. */
  public List<SigningKey> expired(OffsetDateTime now, Duration maxTokenLifetime) {
    return keys.stream().filter(k -> !k.isPublished(now, maxTokenLifetime)).toList();
  }
}
