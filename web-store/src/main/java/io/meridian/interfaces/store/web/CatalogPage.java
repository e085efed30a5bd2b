package io.meridian.interfaces.store.web;

import io.meridian.application.CatalogService;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.store.rest.CatalogResource.CatalogApiView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The start page: published APIs, searched by name, context or tag; restricted ones only for
 * signed-in developers. The same search as {@code GET /store/api/v1/apis}.
 */
@Named("catalog")
@RequestScoped
public class CatalogPage {

  static final int PAGE_SIZE = 200;

  @Inject CatalogService catalog;

  private String query;
  private List<CatalogApiView> rows;

  public List<CatalogApiView> getRows() {
    if (rows == null) {
      rows =
          catalog.search(query, Pages.signedIn(), 0, PAGE_SIZE).stream()
              .map(CatalogApiView::of)
              .toList();
    }
    return rows;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
