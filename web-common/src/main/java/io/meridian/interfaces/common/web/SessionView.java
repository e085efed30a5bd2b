package io.meridian.interfaces.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** What every page's frame shows of the session: who is signed in, and the form's CSRF token. */
@Named("me")
@RequestScoped
public class SessionView {

  public boolean isSignedIn() {
    return Pages.signedIn();
  }

  public String getUserName() {
    return BrowserSession.user(Pages.request()).map(SignedInUser::name).orElse("");
  }

  public boolean hasRole(String role) {
    return Pages.hasRole(role);
  }

  public String getCsrfToken() {
    return CsrfToken.of(Pages.request());
  }
}
