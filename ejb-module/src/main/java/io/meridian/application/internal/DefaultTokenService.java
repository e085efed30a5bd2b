package io.meridian.application.internal;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.meridian.application.ClientCredentials;
import io.meridian.application.Introspection;
import io.meridian.application.IssuedToken;
import io.meridian.application.KeyService;
import io.meridian.application.OAuthError;
import io.meridian.application.TokenRequest;
import io.meridian.application.TokenService;
import io.meridian.application.UserService;
import io.meridian.domain.model.api.ApiRepository;
import io.meridian.domain.model.api.Operation;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.ApplicationRepository;
import io.meridian.domain.model.application.ClientSecret;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.change.ChangeType;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.subscription.Subscription;
import io.meridian.domain.model.subscription.SubscriptionRepository;
import io.meridian.domain.model.token.ManagementScope;
import io.meridian.domain.model.token.RefreshToken;
import io.meridian.domain.model.token.Scopes;
import io.meridian.domain.model.token.SigningKey;
import io.meridian.domain.model.token.TokenRepository;
import io.meridian.domain.model.token.TokenRevocation;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.keys.JwtCodec;
import io.meridian.infrastructure.keys.RsaSigningKeys;
import io.meridian.shared.token.TokenClaims;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@Stateless
public class DefaultTokenService implements TokenService {

  /** MicroProfile JWT's claims: the caller's name and roles (MP-JWT 1.2 §4.1). */
  static final String UPN = "upn";

  static final String GROUPS = "groups";

  @Inject ApplicationRepository applications;
  @Inject SubscriptionRepository subscriptions;
  @Inject ApiRepository apis;
  @Inject TokenRepository tokens;
  @Inject KeyService keys;
  @Inject UserService users;
  @Inject KeyManagerSettings settings;
  @Inject ChangeRecorder changes;
  @Inject TimeSource time;

  @Override
  public IssuedToken token(TokenRequest request) {
    if (request.grantType() == null || request.grantType().isBlank()) {
      throw OAuthError.invalidRequest("grant_type is required");
    }
    GrantType grant =
        GrantType.fromProtocolName(request.grantType())
            .orElseThrow(() -> OAuthError.unsupportedGrantType(request.grantType()));
    OAuthClient client = authenticate(request.client());
    if (!client.allows(grant)) {
      throw OAuthError.unauthorizedClient(
          "This client is not registered for the " + grant.protocolName() + " grant");
    }
    return switch (grant) {
      case CLIENT_CREDENTIALS -> clientCredentials(client, request);
      case PASSWORD -> password(client, request);
      case REFRESH_TOKEN -> refresh(client, request);
    };
  }

  private IssuedToken clientCredentials(OAuthClient client, TokenRequest request) {
    // The token acts for the application's owner: management scopes need the owner's roles.
    Optional<User> owner =
        applications.find(client.applicationId()).map(Application::owner).flatMap(users::find);
    Set<String> scopes =
        grantScopes(client, request.scope(), owner.map(User::roles).orElse(Set.of()));
    // RFC 6749 §4.4.3: no refresh token for the client credentials grant.
    return issue(
        client, client.consumerKey(), owner.map(User::username).orElse(null), scopes, false);
  }

  private IssuedToken password(OAuthClient client, TokenRequest request) {
    if (isBlank(request.username()) || isBlank(request.password())) {
      throw OAuthError.invalidRequest("username and password are required for the password grant");
    }
    User user =
        users
            .authenticate(request.username(), request.password())
            .orElseThrow(() -> OAuthError.invalidGrant("Invalid resource owner credentials"));
    Set<String> scopes = grantScopes(client, request.scope(), user.roles());
    return issue(
        client, user.username(), user.username(), scopes, client.allows(GrantType.REFRESH_TOKEN));
  }

  private IssuedToken refresh(OAuthClient client, TokenRequest request) {
    if (isBlank(request.refreshToken())) {
      throw OAuthError.invalidRequest("refresh_token is required");
    }
    OffsetDateTime now = time.now();
    RefreshToken old =
        tokens
            .findRefreshToken(ClientSecret.hash(request.refreshToken()))
            .filter(t -> t.belongsTo(client.consumerKey()) && t.isUsable(now))
            .orElseThrow(
                () -> OAuthError.invalidGrant("The refresh token is invalid, expired or revoked"));
    // Refresh tokens come from password grants: the subject is the user, whose roles may have
    // changed since; a management scope they no longer allow is refused.
    Set<Role> roles = users.find(old.subject()).map(User::roles).orElse(Set.of());
    Set<String> scopes;
    try {
      scopes = Scopes.narrow(Scopes.parse(request.scope()), Scopes.parse(old.scope()));
      ManagementScope.requireHeld(scopes, roles);
    } catch (DomainException e) {
      throw OAuthError.invalidScope(e.getMessage());
    }
    old.revoke(now);
    return issue(client, old.subject(), old.subject(), scopes, true);
  }

  /**
   * Signs an access token.
   *
   * @param user the user the token acts for, named in {@code upn} when it carries management scopes
   *     (MicroProfile JWT takes the caller's name from it and the roles from {@code groups})
   */
  private IssuedToken issue(
      OAuthClient client, String subject, String user, Set<String> scopes, boolean withRefresh) {
    OffsetDateTime now = time.now();
    OffsetDateTime expires = now.plus(settings.accessTokenTtl());
    String scope = Scopes.format(scopes);
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .subject(subject)
            .audience(settings.audience())
            .issueTime(Date.from(now.toInstant()))
            .notBeforeTime(Date.from(now.toInstant()))
            .expirationTime(Date.from(expires.toInstant()))
            .jwtID(UUID.randomUUID().toString())
            .claim(TokenClaims.CLIENT_ID, client.consumerKey())
            .claim(TokenClaims.SCOPE, scope)
            .claim(TokenClaims.APPLICATION_ID, client.applicationId());
    Set<String> groups = ManagementScope.groups(scopes);
    if (!groups.isEmpty()) {
      builder.claim(UPN, user).claim(GROUPS, List.copyOf(groups));
    }
    String accessToken = JwtCodec.sign(builder.build(), keys.signer());
    String refreshToken = null;
    if (withRefresh) {
      refreshToken = ClientSecret.random();
      tokens.addRefreshToken(
          new RefreshToken(
              ClientSecret.hash(refreshToken),
              client.consumerKey(),
              client.applicationId(),
              subject,
              scope,
              now,
              now.plus(settings.refreshTokenTtl())));
    }
    return new IssuedToken(accessToken, settings.accessTokenTtl().toSeconds(), scope, refreshToken);
  }

  /**
   * Scopes the application may have: those of operations of APIs it is actively subscribed to, and
   * the management scopes the roles of the user the token acts for allow.
   */
  private Set<String> grantScopes(OAuthClient client, String requested, Set<Role> roles) {
    Set<String> available = new TreeSet<>();
    for (Subscription s : subscriptions.findByApplication(client.applicationId())) {
      if (s.isActive()) {
        apis.find(s.apiId())
            .ifPresent(
                api -> api.operations().stream().map(Operation::scopes).forEach(available::addAll));
      }
    }
    try {
      return Scopes.grant(Scopes.parse(requested), available, roles);
    } catch (DomainException e) {
      throw OAuthError.invalidScope(e.getMessage());
    }
  }

  @Override
  public void revoke(ClientCredentials credentials, String token) {
    OAuthClient client = authenticate(credentials);
    if (isBlank(token)) {
      throw OAuthError.invalidRequest("token is required");
    }
    OffsetDateTime now = time.now();
    Optional<JWTClaimsSet> claims = verifiedClaims(token);
    if (claims.isPresent()) {
      JWTClaimsSet c = claims.get();
      // RFC 7009 §2.2: a token of another client, or an unknown one, is answered with 200 too.
      if (client.consumerKey().equals(claim(c, TokenClaims.CLIENT_ID)) && c.getJWTID() != null) {
        tokens.addRevocation(
            new TokenRevocation(
                c.getJWTID(),
                client.consumerKey(),
                c.getExpirationTime().toInstant().atOffset(java.time.ZoneOffset.UTC),
                now));
        changes.changed(ChangeType.TOKEN_REVOKED, c.getJWTID());
      }
      return;
    }
    tokens
        .findRefreshToken(ClientSecret.hash(token))
        .filter(t -> t.belongsTo(client.consumerKey()))
        .ifPresent(t -> t.revoke(now));
  }

  @Override
  public Introspection introspect(ClientCredentials credentials, String token) {
    authenticate(credentials);
    if (isBlank(token)) {
      throw OAuthError.invalidRequest("token is required");
    }
    OffsetDateTime now = time.now();
    Optional<JWTClaimsSet> verified = verifiedClaims(token);
    if (verified.isPresent()) {
      JWTClaimsSet c = verified.get();
      boolean active =
          c.getExpirationTime() != null
              && c.getExpirationTime().toInstant().isAfter(now.toInstant())
              && settings.issuer().equals(c.getIssuer())
              && c.getJWTID() != null
              && !tokens.isRevoked(c.getJWTID());
      if (!active) {
        return Introspection.inactive();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("scope", claim(c, TokenClaims.SCOPE));
      out.put("client_id", claim(c, TokenClaims.CLIENT_ID));
      out.put("username", c.getSubject());
      out.put("token_type", "Bearer");
      out.put("exp", c.getExpirationTime().toInstant().getEpochSecond());
      out.put("iat", c.getIssueTime().toInstant().getEpochSecond());
      out.put("sub", c.getSubject());
      out.put("aud", String.join(" ", c.getAudience()));
      out.put("iss", c.getIssuer());
      out.put("jti", c.getJWTID());
      out.put(TokenClaims.APPLICATION_ID, claim(c, TokenClaims.APPLICATION_ID));
      return new Introspection(true, out);
    }
    return tokens
        .findRefreshToken(ClientSecret.hash(token))
        .filter(t -> t.isUsable(now))
        .map(
            t -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("scope", t.scope());
              out.put("client_id", t.clientId());
              out.put("username", t.subject());
              out.put("token_type", "refresh_token");
              out.put("exp", t.expiresAt().toEpochSecond());
              out.put("iat", t.issuedAt().toEpochSecond());
              out.put("sub", t.subject());
              return new Introspection(true, out);
            })
        .orElseGet(Introspection::inactive);
  }

  @Override
  public boolean isRevoked(String tokenId) {
    return tokenId != null && tokens.isRevoked(tokenId);
  }

  private Optional<JWTClaimsSet> verifiedClaims(String token) {
    if (token.chars().filter(ch -> ch == '.').count() != 2) {
      return Optional.empty();
    }
    Map<String, RSAKey> published =
        keys.published().stream()
            .collect(Collectors.toMap(SigningKey::kid, RsaSigningKeys::publicKey));
    return JwtCodec.verify(token, published);
  }

  private OAuthClient authenticate(ClientCredentials credentials) {
    if (credentials == null || isBlank(credentials.clientId())) {
      throw OAuthError.invalidClient();
    }
    return applications
        .findClient(credentials.clientId())
        .filter(c -> c.authenticates(credentials.secret()))
        .orElseThrow(OAuthError::invalidClient);
  }

  private static String claim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value == null ? null : value.toString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
