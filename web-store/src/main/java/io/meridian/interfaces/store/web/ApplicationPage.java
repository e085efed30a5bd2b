package io.meridian.interfaces.store.web;

import io.meridian.application.ApplicationService;
import io.meridian.application.CatalogService;
import io.meridian.application.ClientCredentials;
import io.meridian.application.IssuedToken;
import io.meridian.application.OAuthError;
import io.meridian.application.TokenRequest;
import io.meridian.application.TokenService;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.application.OAuthClient;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.subscription.SubscriptionState;
import io.meridian.interfaces.common.SubscriptionView;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationView;
import io.meridian.interfaces.store.rest.ApplicationResource.KeysView;
import io.meridian.interfaces.store.rest.CatalogResource.CatalogApiView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One of the signed-in developer's applications ({@code id} parameter): edit and delete it, its
 * subscriptions, its keys, a test token and the "try it" panel. Every call is the one the store's
 * REST API makes ({@link ApplicationService}, {@link TokenService}); another developer's
 * application is a 404.
 *
 * <p>A consumer secret is shown once: right after it was generated it travels to the next page in
 * the flash (one redirect), and is never read again. A test token and a "try it" answer are shown
 * in the answer to their own post and kept nowhere.
 */
@Named("applicationPage")
@RequestScoped
public class ApplicationPage {

  /** The flash key of a secret just generated, for the page after the redirect only. */
  static final String ISSUED_SECRET = "meridian.issued-secret";

  @Inject ApplicationService applications;
  @Inject CatalogService catalog;
  @Inject TokenService tokens;
  @Inject GatewayClient gateways;

  private String id;

  /**
   * The page's {@code id}: from the query string, or from the hidden field every form of the page
   * posts. Read here, not only through the view parameter, because a form's {@code rendered}
   * conditions need the loaded object while the post is decoded, before view parameters are set.
   */
  @PostConstruct
  void readId() {
    id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
  }

  private ApplicationView application;
  private boolean loaded;
  private ApplicationForm form;
  private List<SubscriptionRow> subscriptions;
  private KeysView keys;
  private boolean keysLoaded;
  private List<OperationChoice> operations;

  // Keys to generate.
  private boolean clientCredentials = true;
  private boolean passwordGrant = true;
  private boolean refreshTokenGrant = true;

  // Test token.
  private String secret;
  private String scope;
  private IssuedToken issuedToken;

  // Try it.
  private String datacenter;
  private String operation;
  private String method = "GET";
  private String path;
  private String token;
  private String body;
  private TryItResult result;

  /** A subscription and the name of the API it is to (its id, if the API left the catalog). */
  public record SubscriptionRow(SubscriptionView subscription, String apiName, String apiVersion) {
    public boolean isActive() {
      return SubscriptionState.ACTIVE.name().equals(subscription.state());
    }

    public boolean isCancellable() {
      return !SubscriptionState.UNSUBSCRIBED.name().equals(subscription.state());
    }
  }

  /**
   * An operation of a subscribed API, as the try-it panel offers it: {@code value} is the method
   * and the gateway path ({@code GET /demo/1.0/hello}).
   */
  public record OperationChoice(String value, String label) {}

  /** Loads the application; one that is not the developer's (or no id) is a 404. */
  public void load() {
    if (getApplication() == null) {
      Pages.notFound("You have no such application");
    }
  }

  public ApplicationView getApplication() {
    if (!loaded) {
      loaded = true;
      try {
        application =
            id == null || id.isBlank()
                ? null
                : ApplicationView.of(applications.get(Pages.userName(), id.strip()));
      } catch (DomainException e) {
        application = null;
      }
    }
    return application;
  }

  public ApplicationForm getForm() {
    if (form == null) {
      form = getApplication() == null ? new ApplicationForm() : ApplicationForm.of(application);
    }
    return form;
  }

  public void save() {
    act(
        () ->
            applications.update(
                Pages.userName(), id, form.getName(), form.getDescription(), form.getTier()),
        "Saved.");
  }

  public void delete() {
    try {
      String name = getApplication() == null ? "" : application.name();
      applications.delete(Pages.userName(), id);
      Pages.flash("Application " + name + " deleted, with its subscriptions and keys.");
      Pages.redirect("/applications.xhtml");
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  // Subscriptions.

  public List<SubscriptionRow> getSubscriptions() {
    if (subscriptions == null) {
      subscriptions = new ArrayList<>();
      if (getApplication() != null) {
        for (var s : applications.subscriptions(Pages.userName(), id)) {
          SubscriptionView view = SubscriptionView.of(s);
          CatalogApiView api = api(view.apiId());
          subscriptions.add(
              new SubscriptionRow(
                  view, api == null ? view.apiId() : api.name(), api == null ? "" : api.version()));
        }
      }
    }
    return subscriptions;
  }

  private CatalogApiView api(String apiId) {
    try {
      return CatalogApiView.of(catalog.get(apiId, true));
    } catch (DomainException e) {
      return null;
    }
  }

  public void unsubscribe(String subscriptionId) {
    act(
        () -> applications.unsubscribe(Pages.userName(), id, subscriptionId),
        "Subscription cancelled: the application's tokens no longer reach that API.");
  }

  // Keys.

  public KeysView getKeys() {
    if (!keysLoaded) {
      keysLoaded = true;
      try {
        keys =
            getApplication() == null
                ? null
                : KeysView.of(applications.keys(Pages.userName(), id), null);
      } catch (DomainException e) {
        keys = null;
      }
    }
    return keys;
  }

  public void generateKeys() {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    if (clientCredentials) {
      grants.add(GrantType.CLIENT_CREDENTIALS);
    }
    if (passwordGrant) {
      grants.add(GrantType.PASSWORD);
    }
    if (refreshTokenGrant) {
      grants.add(GrantType.REFRESH_TOKEN);
    }
    if (grants.isEmpty()) {
      Pages.error("generate:clientCredentials", "Choose at least one grant type.");
      return;
    }
    try {
      issued(applications.generateKeys(Pages.userName(), id, grants), "Keys generated.");
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  public void regenerateSecret() {
    try {
      issued(
          applications.regenerateSecret(Pages.userName(), id),
          "New secret generated: the old one no longer works.");
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  private void issued(OAuthClient.Issued issued, String done) {
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .getFlash()
        .put(ISSUED_SECRET, issued.secret());
    Pages.flash(done + " Copy the consumer secret now: it is shown only once.");
    Pages.redirect("/application.xhtml?id=" + id);
  }

  /** The secret generated by the previous post, on the page right after it; else null. */
  public String getIssuedSecret() {
    return (String)
        FacesContext.getCurrentInstance().getExternalContext().getFlash().get(ISSUED_SECRET);
  }

  /** Issues an access token by the client credentials grant, as the token endpoint would. */
  public void testToken() {
    KeysView k = getKeys();
    if (k == null) {
      Pages.error(null, "Generate the application's keys first.");
      return;
    }
    try {
      issuedToken =
          tokens.token(
              new TokenRequest(
                  GrantType.CLIENT_CREDENTIALS.protocolName(),
                  new ClientCredentials(k.consumerKey(), secret == null ? "" : secret.strip()),
                  null,
                  null,
                  null,
                  scope == null || scope.isBlank() ? null : scope.strip()));
      token = issuedToken.accessToken();
    } catch (OAuthError e) {
      Pages.error(
          "invalid_client".equals(e.error()) ? "token:secret" : null,
          "invalid_client".equals(e.error())
              ? "That is not the application's current consumer secret."
              : e.getMessage());
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  // Try it.

  public List<String> getDatacenters() {
    return gateways.gateways().datacenters();
  }

  public List<String> getMethods() {
    return List.copyOf(new TreeSet<>(GatewayClient.METHODS));
  }

  /** The operations of the APIs this application is actively subscribed to. */
  public List<OperationChoice> getOperations() {
    if (operations == null) {
      operations = new ArrayList<>();
      for (SubscriptionRow row : getSubscriptions()) {
        CatalogApiView api = row.isActive() ? api(row.subscription().apiId()) : null;
        if (api == null) {
          continue;
        }
        for (var o : api.operations()) {
          String value = o.method() + " " + api.context() + "/" + api.version() + o.uriTemplate();
          operations.add(new OperationChoice(value, value + " (" + api.name() + ")"));
        }
      }
    }
    return operations;
  }

  /**
   * Calls the chosen operation, or the method and path typed in (they win when a path is given), on
   * the chosen datacenter's gateway.
   */
  public void tryIt() {
    String verb = method;
    String target = path;
    if ((target == null || target.isBlank()) && operation != null && !operation.isBlank()) {
      int space = operation.indexOf(' ');
      verb = space < 0 ? "" : operation.substring(0, space);
      target = space < 0 ? operation : operation.substring(space + 1);
      if (target.contains("{")) {
        method = verb;
        path = target;
        Pages.error(
            "tryit:path",
            "This operation's path has parameters: put values in place of the {…} below.");
        return;
      }
    }
    if (target == null || target.isBlank()) {
      Pages.error("tryit:path", "Choose an operation, or type a path.");
      return;
    }
    try {
      Gateways.checkPath(target);
    } catch (IllegalArgumentException e) {
      Pages.error("tryit:path", e.getMessage());
      return;
    }
    result = gateways.call(datacenter, verb, target, token, body);
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Pages.flash(done);
      Pages.redirect("/application.xhtml?id=" + id);
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isClientCredentials() {
    return clientCredentials;
  }

  public void setClientCredentials(boolean clientCredentials) {
    this.clientCredentials = clientCredentials;
  }

  public boolean isPasswordGrant() {
    return passwordGrant;
  }

  public void setPasswordGrant(boolean passwordGrant) {
    this.passwordGrant = passwordGrant;
  }

  public boolean isRefreshTokenGrant() {
    return refreshTokenGrant;
  }

  public void setRefreshTokenGrant(boolean refreshTokenGrant) {
    this.refreshTokenGrant = refreshTokenGrant;
  }

  /** Prefills the secret field only on the page right after the secret was generated. */
  public String getSecret() {
    return getIssuedSecret();
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public IssuedToken getIssuedToken() {
    return issuedToken;
  }

  public String getDatacenter() {
    return datacenter;
  }

  public void setDatacenter(String datacenter) {
    this.datacenter = datacenter;
  }

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public TryItResult getResult() {
    return result;
  }
}
