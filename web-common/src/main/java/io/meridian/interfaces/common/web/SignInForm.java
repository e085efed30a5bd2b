package io.meridian.interfaces.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Set;

/**
 * The sign-in and sign-out forms of both web modules. Checks the password through the same identity
 * store as HTTP Basic; a module that needs roles (context parameter {@code meridian.ui.roles})
 * refuses accounts without them at sign-in, with a message, instead of a 403 later. Wrong name and
 * wrong password get the same answer.
 */
@Named("signIn")
@RequestScoped
public class SignInForm {

  @Inject IdentityStoreHandler identityStores;

  private String username;
  private String password;
  private String next;

  public void signIn() {
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      Pages.error("signin:password", "Wrong username or password.");
      return;
    }
    SignedInUser user =
        new SignedInUser(result.getCallerPrincipal().getName(), result.getCallerGroups());
    Set<String> roles = requiredRoles();
    if (!user.hasAnyRole(roles)) {
      Pages.error(
          null,
          "This account cannot sign in here: it needs the role "
              + String.join(" or ", roles)
              + ".");
      return;
    }
    BrowserSession.signIn(Pages.request(), user);
    Pages.redirect(PageGuardFilter.safeNext(next));
  }

  public void signOut() {
    BrowserSession.signOut(Pages.request());
    Pages.redirect("/");
  }

  private static Set<String> requiredRoles() {
    return PageGuardFilter.moduleRoles(
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getInitParameter(PageGuardFilter.ROLES_PARAMETER));
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
