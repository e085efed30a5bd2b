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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Builds a new {@link GatewayState} from a read of the control plane and the active APIs. Every
 * change of either builds a whole new state, so the builder keeps what did not change: the routes
 * of artifacts it compiled before (an artifact is named by its hash, so its route never changes),
 * and what it derived from the last read of the database. An activation then costs one route, not
 * one per API.
 */
public final class StateBuilder {

  private static final Logger LOG = Logger.getLogger(StateBuilder.class.getName());

  private final String datacenterId;
  private final String issuer;
  private final String audience;
  private final long clockSkewSeconds;
  private final Clock clock;

  /** What the last build derived from a read of the database. */
  private record Derived(
      ControlPlaneSource.ControlPlaneData data, Subscriptions subscriptions, Policies policies) {}

  /** Compiled routes by artifact hash, as of the last build (a cache: a race only recompiles). */
  private volatile Map<String, Route> routesBySha = Map.of();

  private volatile Derived derived;

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
    Map<String, Route> compiled = routesBySha;
    Map<String, Route> routes = new LinkedHashMap<>();
    for (ActiveApi api : apis) {
      ApiArtifact a = api.artifact();
      try {
        Route known = compiled.get(api.sha256());
        routes.put(
            api.sha256(),
            known != null
                ? known
                : Route.of(a.definition(), a.revision(), a.blocked(), datacenterId));
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
    routesBySha = routes;
    Derived fromData = derived(data);
    return new GatewayState(
        data.sequence(),
        new RouteTable(routes.values()),
        verifier,
        fingerprint,
        data.revokedTokenIds(),
        fromData.subscriptions(),
        fromData.policies());
  }

  private Derived derived(ControlPlaneSource.ControlPlaneData data) {
    Derived last = derived;
    if (last != null && last.data() == data) {
      return last;
    }
    Subscriptions subscriptions = new Subscriptions();
    data.subscriptions()
        .forEach(s -> subscriptions.put(s.applicationId(), s.apiId(), s.state(), s.tier()));
    Derived next =
        new Derived(data, subscriptions, new Policies(data.policies(), data.applicationTiers()));
    derived = next;
    return next;
  }
}
