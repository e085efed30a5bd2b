package io.meridian.interfaces.store.web;

import io.meridian.application.UserService;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import io.meridian.interfaces.common.web.BrowserSession;
import io.meridian.interfaces.common.web.Pages;
import io.meridian.interfaces.common.web.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sign-up: the same {@link UserService#signUp} as {@code POST /store/api/v1/signup}; the new
 * developer is signed in at once and lands on their applications. The service's rules (username,
 * e-mail, password length) answer next to the field they are about.
 */
@Named("signUp")
@RequestScoped
public class SignUpPage {

  /** Which field a refused sign-up is about, by the rule's code. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "invalid_username", "signup:username",
          "username_taken", "signup:username",
          "invalid_email", "signup:email",
          "weak_password", "signup:password");

  @Inject UserService users;

  private String username;
  private String email;
  private String password;
  private String repeat;

  public void signUp() {
    if (password != null && !password.equals(repeat)) {
      Pages.error("signup:repeat", "The two passwords differ: type the same one twice.");
      return;
    }
    User user;
    try {
      user = users.signUp(username, password, email);
    } catch (DomainException e) {
      Pages.error(FIELDS.get(e.code()), sentence(e.getMessage()));
      return;
    }
    BrowserSession.signIn(
        Pages.request(),
        new SignedInUser(
            user.username(), user.roles().stream().map(Role::name).collect(Collectors.toSet())));
    Pages.flash(
        "Welcome, " + user.username() + ". Create an application, then subscribe it to APIs.");
    Pages.redirect("/applications.xhtml");
  }

  /** A rule's message ("username must be ...") as a sentence on the page. */
  static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "That did not work.";
    }
    String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
