package io.meridian.interfaces.common.web;

import io.meridian.domain.model.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What backing beans do to the page they serve: say what went wrong (next to a field, or for the
 * whole form), redirect after a successful post, and find the signed-in user.
 */
public final class Pages {

  private Pages() {}

  /** A broken business rule as a message for the whole form; its text is the rule's own. */
  public static void fail(DomainException e) {
    error(null, e.getMessage());
  }

  /**
   * A broken business rule next to the field it is about: {@code fields} maps what the rule names
   * (its code, or the field name its message starts with) to the client id of the input; a rule
   * about anything else is a message for the whole form. The field is marked invalid, so it gets
   * {@code aria-invalid}.
   */
  public static void fail(DomainException e, Map<String, String> fields) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String named = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : message;
    String clientId = fields.getOrDefault(e.code(), fields.get(named));
    if (clientId != null
        && FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId)
            instanceof UIInput input) {
      input.setValid(false);
      error(clientId, message);
    } else {
      error(null, message);
    }
  }

  /** An error next to the component with the given client id, or for the form when null. */
  public static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  /** A message shown once on the next page (kept across the redirect). */
  public static void flash(String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
  }

  /** Redirects to a path inside this module (post, redirect, get). */
  public static void redirect(String path) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the request with a 404 page saying what was not found. */
  public static void notFound(String text) {
    sendError(404, text);
  }

  /** Ends the request with a 403 page: the signed-in account may not see this page. */
  public static void forbidden(String text) {
    sendError(403, text);
  }

  private static void sendError(int status, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  /** The signed-in user's name; pages behind {@link PageGuardFilter} always have one. */
  public static String userName() {
    return BrowserSession.user(request())
        .map(SignedInUser::name)
        .orElseThrow(() -> DomainException.forbidden("unauthenticated", "Sign in first"));
  }

  public static boolean hasRole(String role) {
    return BrowserSession.user(request()).map(u -> u.groups().contains(role)).orElse(false);
  }

  public static boolean signedIn() {
    return BrowserSession.user(request()).isPresent();
  }
}
