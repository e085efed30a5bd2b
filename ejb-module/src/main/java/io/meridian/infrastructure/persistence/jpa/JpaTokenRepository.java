package io.meridian.infrastructure.persistence.jpa;

import io.meridian.domain.model.token.RefreshToken;
import io.meridian.domain.model.token.TokenRepository;
import io.meridian.domain.model.token.TokenRevocation;
import io.meridian.infrastructure.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaTokenRepository implements TokenRepository {

  @PersistenceContext(unitName = Resources.PERSISTENCE_UNIT)
  private EntityManager em;

  protected JpaTokenRepository() {}

  public JpaTokenRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void addRefreshToken(RefreshToken token) {
    em.persist(token);
  }

  @Override
  public Optional<RefreshToken> findRefreshToken(String tokenHash) {
    return Optional.ofNullable(em.find(RefreshToken.class, tokenHash));
  }

  @Override
  public void addRevocation(TokenRevocation revocation) {
    if (em.find(TokenRevocation.class, revocation.jti()) == null) {
      em.persist(revocation);
    }
  }

  @Override
  public boolean isRevoked(String jti) {
    return em.find(TokenRevocation.class, jti) != null;
  }
}
