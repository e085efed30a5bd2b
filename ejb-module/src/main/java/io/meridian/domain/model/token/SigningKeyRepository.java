package io.meridian.domain.model.token;

import java.util.List;
import java.util.Optional;

/** Stores signing keys. */
public interface SigningKeyRepository {

  List<SigningKey> all();

  Optional<SigningKey> find(String kid);

  void add(SigningKey key);

  void remove(SigningKey key);
}
