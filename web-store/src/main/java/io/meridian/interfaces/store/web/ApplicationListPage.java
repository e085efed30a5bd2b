package io.meridian.interfaces.store.web;

import io.meridian.application.ApplicationService;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The signed-in developer's applications, and the form that creates one: the same {@link
 * ApplicationService} calls as {@code GET} and {@code POST /store/api/v1/applications}.
 */
@Named("applicationList")
@RequestScoped
public class ApplicationListPage {

  @Inject ApplicationService applications;

  private final ApplicationForm form = new ApplicationForm();
  private List<ApplicationView> rows;

  public List<ApplicationView> getRows() {
    if (rows == null) {
      rows = applications.list(Pages.userName()).stream().map(ApplicationView::of).toList();
    }
    return rows;
  }

  public void create() {
    try {
      Application app =
          applications.create(
              Pages.userName(), form.getName(), form.getDescription(), form.getTier());
      Pages.flash("Application " + app.name() + " created. Generate its keys below.");
      Pages.redirect("/application.xhtml?id=" + app.id());
    } catch (DomainException e) {
      Pages.error("application_exists".equals(e.code()) ? "create:name" : null, e.getMessage());
    }
  }

  public ApplicationForm getForm() {
    return form;
  }
}
