package io.meridian.interfaces.store.web;

import io.meridian.application.ApiDocumentation;
import io.meridian.application.ApplicationService;
import io.meridian.application.CatalogService;
import io.meridian.application.OpenApiService;
import io.meridian.domain.model.api.ApiState;
import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationView;
import io.meridian.interfaces.store.rest.CatalogResource.CatalogApiView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One published API ({@code id} parameter): its operations, where the gateways serve it, and, for a
 * signed-in developer, a form that subscribes one of their applications with a tier (the same
 * {@link ApplicationService#subscribe} as {@code POST .../applications/{id}/subscriptions}).
 */
@Named("catalogApi")
@RequestScoped
public class CatalogApiPage {

  @Inject CatalogService catalog;
  @Inject ApplicationService applications;
  @Inject GatewayClient gateways;
  @Inject OpenApiService openApi;

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

  private CatalogApiView api;
  private boolean loaded;
  private ApiDocumentation documentation;
  private boolean documentationRead;
  private List<ApplicationView> myApplications;
  private String applicationId;
  private String tier = ThrottlingPolicy.UNLIMITED;

  /** One place the API is served: a datacenter and the URL of the API on its gateway. */
  public record GatewayUrl(String datacenter, String url) {}

  /** Loads the API named by the page's {@code id} parameter; an unknown id is a 404. */
  public void load() {
    if (getApi() == null) {
      Pages.notFound("No such API in the catalog");
    }
  }

  /** The documentation from the API's OpenAPI document; null when it was not imported from one. */
  public ApiDocumentation getDocumentation() {
    if (!documentationRead) {
      documentationRead = true;
      try {
        documentation =
            getApi() == null
                ? null
                : openApi.documentation(api.id(), Pages.signedIn()).orElse(null);
      } catch (DomainException e) {
        documentation = null;
      }
    }
    return documentation;
  }

  public CatalogApiView getApi() {
    if (!loaded) {
      loaded = true;
      try {
        api =
            id == null || id.isBlank()
                ? null
                : CatalogApiView.of(catalog.get(id.strip(), Pages.signedIn()));
      } catch (DomainException e) {
        api = null;
      }
    }
    return api;
  }

  /** {@code {context}/{version}}: what every call to the API starts with on a gateway. */
  public String getBasePath() {
    return getApi() == null ? "" : api.context() + "/" + api.version();
  }

  public List<GatewayUrl> getGatewayUrls() {
    Gateways configured = gateways.gateways();
    return configured.datacenters().stream()
        .map(dc -> new GatewayUrl(dc, configured.base(dc).orElseThrow() + getBasePath()))
        .toList();
  }

  public boolean isSubscribable() {
    return getApi() != null && ApiState.valueOf(api.state()).acceptsSubscriptions();
  }

  public List<ApplicationView> getMyApplications() {
    if (myApplications == null) {
      myApplications =
          Pages.signedIn()
              ? applications.list(Pages.userName()).stream().map(ApplicationView::of).toList()
              : List.of();
    }
    return myApplications;
  }

  public void subscribe() {
    try {
      var s = applications.subscribe(Pages.userName(), applicationId, id, tier);
      String name = applications.get(Pages.userName(), s.applicationId()).name();
      Pages.flash("Subscribed " + name + " to " + getApi().name() + " with the tier " + tier + ".");
      Pages.redirect("/application.xhtml?id=" + s.applicationId());
    } catch (DomainException e) {
      Pages.fail(e);
    }
  }

  /** The sign-in page, coming back here afterwards. */
  public String getSignInLink() {
    return "/login.xhtml?next="
        + URLEncoder.encode("/api.xhtml?id=" + (id == null ? "" : id), StandardCharsets.UTF_8);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getApplicationId() {
    return applicationId;
  }

  public void setApplicationId(String applicationId) {
    this.applicationId = applicationId;
  }

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }
}
