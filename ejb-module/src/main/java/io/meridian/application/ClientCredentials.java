package io.meridian.application;

/** A client's consumer key and secret as presented to the token endpoints. */
public record ClientCredentials(String clientId, String secret) {

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", secret=***]";
  }
}
