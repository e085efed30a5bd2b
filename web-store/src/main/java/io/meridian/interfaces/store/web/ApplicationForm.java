package io.meridian.interfaces.store.web;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.interfaces.store.rest.ApplicationResource.ApplicationView;

/**
 * What the application forms edit: the fields of the REST layer's {@code ApplicationRequest}, with
 * setters for the page.
 */
public class ApplicationForm {

  private String name;
  private String description;
  private String tier = ThrottlingPolicy.UNLIMITED;

  static ApplicationForm of(ApplicationView app) {
    ApplicationForm form = new ApplicationForm();
    form.name = app.name();
    form.description = app.description();
    form.tier = app.tier();
    return form;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }
}
