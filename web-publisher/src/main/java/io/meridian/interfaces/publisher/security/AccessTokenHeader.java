package io.meridian.interfaces.publisher.security;

import io.meridian.shared.json.Jsons;
import io.meridian.shared.token.TokenClaims;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A cheap look at a bearer token before MicroProfile JWT verifies it: a compact JWS of at most
 * {@value #MAX_LENGTH} characters whose header says {@code typ: at+jwt} (RFC 9068 access token) and
 * an allowed algorithm. Payara's verifier insists on {@code typ: JWT}, so its own type check is
 * turned off ({@code payara-mp-jwt.properties}) and this class does the stricter one.
 */
final class AccessTokenHeader {

  static final int MAX_LENGTH = 8192;

  private AccessTokenHeader() {}

  static boolean isAccessToken(String token) {
    if (token.isEmpty() || token.length() > MAX_LENGTH) {
      return false;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      return false;
    }
    JsonObject header = header(parts[0]);
    if (header == null) {
      return false;
    }
    return TokenClaims.ALLOWED_ALGORITHMS.contains(text(header, "alg"))
        && isAccessTokenType(text(header, "typ"));
  }

  private static boolean isAccessTokenType(String typ) {
    if (typ == null) {
      return false;
    }
    String t = typ.toLowerCase(Locale.ROOT);
    // RFC 7515 §4.1.9: "application/" may be left out.
    return t.equals(TokenClaims.ACCESS_TOKEN_TYPE)
        || t.equals("application/" + TokenClaims.ACCESS_TOKEN_TYPE);
  }

  private static JsonObject header(String encoded) {
    try (var reader =
        Jsons.PROVIDER.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (IllegalArgumentException | JsonException | ClassCastException e) {
      return null;
    }
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : null;
  }
}
