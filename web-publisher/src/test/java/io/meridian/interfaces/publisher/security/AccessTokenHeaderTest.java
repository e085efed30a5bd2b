package io.meridian.interfaces.publisher.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenHeaderTest {

  private static String token(String headerJson) {
    return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
        + ".eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
  }

  @Test
  void acceptsAnRs256AccessToken() {
    assertTrue(AccessTokenHeader.isAccessToken(token("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}")));
    assertTrue(
        AccessTokenHeader.isAccessToken(
            token("{\"alg\":\"RS256\",\"typ\":\"application/at+JWT\",\"kid\":\"k1\"}")));
  }

  @Test
  void refusesOtherTypesAndAlgorithms() {
    assertFalse(AccessTokenHeader.isAccessToken(token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")));
    assertFalse(AccessTokenHeader.isAccessToken(token("{\"alg\":\"RS256\"}")));
    assertFalse(AccessTokenHeader.isAccessToken(token("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")));
    assertFalse(AccessTokenHeader.isAccessToken(token("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}")));
  }

  @Test
  void refusesGarbage() {
    assertFalse(AccessTokenHeader.isAccessToken(""));
    assertFalse(AccessTokenHeader.isAccessToken("not-a-token"));
    assertFalse(AccessTokenHeader.isAccessToken("a.b"));
    assertFalse(AccessTokenHeader.isAccessToken("%%%.b.c"));
    assertFalse(AccessTokenHeader.isAccessToken("e30.b."));
    assertFalse(AccessTokenHeader.isAccessToken(token("[1,2]")));
    assertFalse(
        AccessTokenHeader.isAccessToken(
            token("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}") + "x".repeat(9000)));
  }

  @Test
  void readsTheBearerSchemeInAnyCase() {
    assertEquals("abc", BearerTokenAuthentication.token("Bearer abc"));
    assertEquals("abc", BearerTokenAuthentication.token("bearer  abc "));
    assertNull(BearerTokenAuthentication.token("Basic YTpi"));
    assertNull(BearerTokenAuthentication.token(null));
  }
}
