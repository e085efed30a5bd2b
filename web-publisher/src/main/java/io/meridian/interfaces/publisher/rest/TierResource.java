package io.meridian.interfaces.publisher.rest;

import io.meridian.application.CatalogService;
import io.meridian.domain.model.user.Role;
import io.meridian.interfaces.common.TierView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The throttling tiers operations and subscriptions can use. */
@Path("tiers")
@RequestScoped
@RolesAllowed({Role.PUBLISHER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TierResource {

  @Inject CatalogService catalog;

  @GET
  public List<TierView> tiers() {
    return catalog.tiers().stream().map(TierView::of).toList();
  }
}
