package io.meridian.domain.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthClientTest {

  private final OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");

  @Test
  void authenticatesWithTheIssuedSecretOnly() {
    OAuthClient.Issued issued = OAuthClient.issue("app", Set.of(), now);
    assertTrue(issued.client().authenticates(issued.secret()));
    assertFalse(issued.client().authenticates(issued.secret() + "x"));
    assertFalse(issued.client().authenticates(null));
  }

  @Test
  void rotatingTheSecretInvalidatesTheOldOne() {
    OAuthClient.Issued issued = OAuthClient.issue("app", Set.of(), now);
    String fresh = issued.client().rotateSecret(now.plusDays(1));
    assertNotEquals(issued.secret(), fresh);
    assertFalse(issued.client().authenticates(issued.secret()));
    assertTrue(issued.client().authenticates(fresh));
  }

  @Test
  void allowsAllGrantsByDefaultOrOnlyThoseChosen() {
    assertEquals(
        EnumSet.allOf(GrantType.class),
        OAuthClient.issue("a", Set.of(), now).client().grantTypes());
    OAuthClient cc = OAuthClient.issue("a", Set.of(GrantType.CLIENT_CREDENTIALS), now).client();
    assertTrue(cc.allows(GrantType.CLIENT_CREDENTIALS));
    assertFalse(cc.allows(GrantType.PASSWORD));
    assertThrows(DomainException.class, () -> cc.checkAllows(GrantType.PASSWORD));
  }

  @Test
  void storesOnlyAHashOfTheSecret() {
    String secret = ClientSecret.random();
    assertEquals(43, secret.length());
    assertNotEquals(secret, ClientSecret.hash(secret));
    assertTrue(ClientSecret.matches(secret, ClientSecret.hash(secret)));
  }

  @Test
  void parsesGrantTypesByProtocolName() {
    assertEquals(GrantType.REFRESH_TOKEN, GrantType.parse("refresh_token"));
    assertEquals(
        "invalid_grant_type",
        assertThrows(DomainException.class, () -> GrantType.parse("implicit")).code());
  }
}
