package io.meridian.domain.model.token;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which scopes a token gets. A client may ask for any scope defined by the operations of the APIs
 * its application is subscribed to; the token gets the requested scopes it may have (RFC 6749 §3.3
 * allows a narrower grant), and none when it asked for none. Meridian's own {@code apim:} scopes
 * follow {@link ManagementScope}: they depend on the user's roles, never on subscriptions.
 */
public final class Scopes {

  private Scopes() {}

  public static List<String> parse(String scope) {
    if (scope == null || scope.isBlank()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
  }

  public static String format(Collection<String> scopes) {
    return String.join(" ", new TreeSet<>(scopes));
  }

  /**
   * The granted scopes of a new token: the requested API scopes that are available, and the
   * requested {@link ManagementScope management scopes}, each of which needs its role among {@code
   * roles} ({@code invalid_scope} otherwise). Refuses a request of which no scope can be granted.
   *
   * @param available the scopes of the APIs the application is subscribed to
   * @param roles the roles of the user the token acts for; empty when it acts for nobody
   */
  public static Set<String> grant(
      Collection<String> requested, Set<String> available, Set<Role> roles) {
    ManagementScope.requireHeld(requested, roles);
    Set<String> granted = new TreeSet<>();
    for (String scope : requested) {
      if (ManagementScope.isReserved(scope) || available.contains(scope)) {
        granted.add(scope);
      }
    }
    if (!requested.isEmpty() && granted.isEmpty()) {
      throw DomainException.invalid(
          "invalid_scope", "None of the requested scopes is available to this application");
    }
    return granted;
  }

  /** Scopes of a refresh grant: a subset of what the original grant had (RFC 6749 §6). */
  public static Set<String> narrow(Collection<String> requested, Collection<String> original) {
    if (requested.isEmpty()) {
      return new TreeSet<>(original);
    }
    if (!original.containsAll(requested)) {
      throw DomainException.invalid(
          "invalid_scope", "A refresh may not ask for scopes beyond the original grant");
    }
    return new TreeSet<>(requested);
  }
}
