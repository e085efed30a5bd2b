package io.meridian.containertest.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.meridian.application.ApplicationService;
import io.meridian.application.ClientCredentials;
import io.meridian.application.IssuedToken;
import io.meridian.application.KeyService;
import io.meridian.application.OAuthError;
import io.meridian.application.TokenRequest;
import io.meridian.application.TokenService;
import io.meridian.application.UserService;
import io.meridian.application.internal.DefaultApplicationService;
import io.meridian.application.internal.DefaultTokenService;
import io.meridian.application.internal.KeyManagerSettings;
import io.meridian.containertest.support.Archives;
import io.meridian.containertest.support.Fixtures;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.infrastructure.keys.RsaSigningKeys;
import io.meridian.shared.token.TokenClaims;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The key manager's token service: the client credentials grant, end to end in the container. */
@ExtendWith(ArquillianExtension.class)
class TokenServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Archives.controlPlane("token-service")
        .addClasses(DefaultTokenService.class, DefaultApplicationService.class);
  }

  @Inject UserService users;
  @Inject ApplicationService applications;
  @Inject TokenService tokens;
  @Inject KeyService keys;
  @Inject KeyManagerSettings settings;

  @Test
  void issuesTokenSignedByAPublishedKeyForClientCredentials() throws Exception {
    String owner = Fixtures.subscriber(users, "token-owner");
    Application app = applications.create(owner, "Token app", "", null);
    OAuthClient.Issued issued =
        applications.generateKeys(owner, app.id(), EnumSet.of(GrantType.CLIENT_CREDENTIALS));
    String clientId = issued.client().consumerKey();
    ClientCredentials credentials = new ClientCredentials(clientId, issued.secret());

    IssuedToken token = tokens.token(clientCredentials(credentials));

    SignedJWT jwt = SignedJWT.parse(token.accessToken());
    String kid = jwt.getHeader().getKeyID();
    RSAKey published =
        keys.published().stream()
            .filter(k -> k.kid().equals(kid))
            .map(RsaSigningKeys::publicKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("Key " + kid + " is not published"));
    assertTrue(jwt.verify(new RSASSAVerifier(published)), "signature by the published key");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(settings.issuer(), claims.getIssuer());
    assertEquals(List.of(settings.audience()), claims.getAudience());
    assertEquals(clientId, claims.getSubject());
    assertEquals(clientId, claims.getStringClaim(TokenClaims.CLIENT_ID));
    assertEquals(app.id(), claims.getStringClaim(TokenClaims.APPLICATION_ID));
    assertNotNull(claims.getJWTID());
    long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
    assertEquals(settings.accessTokenTtl().toSeconds(), lifetime);
    assertEquals(lifetime, token.expiresIn());
    // The key manager itself takes it back as active (signature, expiry, issuer, not revoked).
    assertTrue(tokens.introspect(credentials, token.accessToken()).active());
  }

  @Test
  void refusesAWrongClientSecret() {
    String owner = Fixtures.subscriber(users, "token-owner");
    Application app = applications.create(owner, "Wrong secret app", "", null);
    OAuthClient.Issued issued =
        applications.generateKeys(owner, app.id(), EnumSet.of(GrantType.CLIENT_CREDENTIALS));
    ClientCredentials wrong =
        new ClientCredentials(issued.client().consumerKey(), issued.secret() + "x");

    OAuthError refused =
        assertThrows(OAuthError.class, () -> tokens.token(clientCredentials(wrong)));

    assertEquals("invalid_client", refused.error());
  }

  private static TokenRequest clientCredentials(ClientCredentials client) {
    return new TokenRequest("client_credentials", client, null, null, null, null);
  }
}
