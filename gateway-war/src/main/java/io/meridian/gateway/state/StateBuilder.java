package io.meridian.gateway.state;

import com.nimbusds.jose.jwk.RSAKey;
import io.meridian.gateway.routing.Route;
import io.meridian.gateway.routing.RouteTable;
import io.meridian.gateway.token.TokenVerifier;
import io.meridian.shared.artifact.ApiArtifact;
import io.meridian.sync.ActiveApi;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/** Builds a new {@link GatewayState} from a read of the control plane and the active APIs. */
public final class StateBuilder {

  private static final Logger LOG = Logger.getLogger(StateBuilder.class.getName());

  private final String datacenterId;
  private final String issuer;
  private final String audience;
  private final long clockSkewSeconds;
  private final Clock clock;

  public StateBuilder(
      String datacenterId, String issuer, String audience, long clockSkewSeconds, Clock clock) {
    this.datacenterId = datacenterId;
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkewSeconds = clockSkewSeconds;
    this.clock = clock;
  }

  /**
   * The new state; the previous state's token verifier (and its cache) is kept when the keys did
   * not change.
   */
  public GatewayState build(
      ControlPlaneSource.ControlPlaneData data, Collection<ActiveApi> apis, GatewayState previous) {
    List<Route> routes = new ArrayList<>();
    for (ActiveApi api : apis) {
      ApiArtifact a = api.artifact();
      try {
        routes.add(Route.of(a.definition(), a.revision(), a.blocked(), datacenterId));
      } catch (IllegalArgumentException e) {
        // One unusable definition (an endpoint URL the master should have refused) must not take
        // every other API down with it.
        LOG.warning(() -> "Not routing API " + a.definition().apiId() + ": " + e.getMessage());
      }
    }
    String fingerprint = String.join("\n", data.publicJwks());
    TokenVerifier verifier;
    if (previous != null && previous.keyFingerprint().equals(fingerprint)) {
      verifier = previous.tokens();
    } else {
      List<RSAKey> keys = new ArrayList<>();
      for (String jwk : data.publicJwks()) {
        try {
          keys.add(RSAKey.parse(jwk));
        } catch (ParseException e) {
          LOG.warning("Ignoring a signing key that is not an RSA JWK");
        }
      }
      verifier = new TokenVerifier(keys, issuer, audience, clockSkewSeconds, clock);
    }
    Subscriptions subscriptions = new Subscriptions();
    data.subscriptions()
        .forEach(s -> subscriptions.put(s.applicationId(), s.apiId(), s.state(), s.tier()));
    return new GatewayState(
        data.sequence(),
        new RouteTable(routes),
        verifier,
        fingerprint,
        data.revokedTokenIds(),
        subscriptions,
        new Policies(data.policies(), data.applicationTiers()));
  }
}
