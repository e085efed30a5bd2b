package io.meridian.domain.model.token;

import java.util.Optional;

/** Stores refresh tokens and access-token revocations. */
public interface TokenRepository {

  void addRefreshToken(RefreshToken token);

  Optional<RefreshToken> findRefreshToken(String tokenHash);

  void addRevocation(TokenRevocation revocation);

  boolean isRevoked(String jti);
}
