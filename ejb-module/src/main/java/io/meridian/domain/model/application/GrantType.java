package io.meridian.domain.model.application;

import io.meridian.domain.model.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** OAuth 2.0 grant types the key manager supports (RFC 6749), by their protocol names. */
public enum GrantType {
  CLIENT_CREDENTIALS("client_credentials"),
  PASSWORD("password"),
  REFRESH_TOKEN("refresh_token");

  private final String protocolName;

  GrantType(String protocolName) {
    this.protocolName = protocolName;
  }

  public String protocolName() {
    return protocolName;
  }

  /** The grant type with this protocol name, if Meridian supports it. */
  public static Optional<GrantType> fromProtocolName(String name) {
    return Arrays.stream(values()).filter(g -> g.protocolName.equals(name)).findFirst();
  }

  /** Parses a grant type named by a client of the store API. */
  public static GrantType parse(String name) {
    return fromProtocolName(name == null ? "" : name.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "invalid_grant_type",
                    "grant types must be client_credentials, password or refresh_token"));
  }
}
