package io.meridian.domain.model.token;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Meridian's own scopes, which let a token act on the control plane's REST APIs with a role of the
 * user it was issued for: {@code apim:publish} carries {@code publisher}, {@code apim:admin}
 * carries {@code admin}. The {@code apim:} prefix is reserved: such a scope is granted only to a
 * user who holds its role, never because an API's operation happens to name it.
 */
public enum ManagementScope {
  PUBLISH("apim:publish", Role.publisher),
  ADMIN("apim:admin", Role.admin);

  /** Scopes starting with this belong to Meridian, not to any API. */
  public static final String PREFIX = "apim:";

  private final String scope;
  private final Role role;

  ManagementScope(String scope, Role role) {
    this.scope = scope;
    this.role = role;
  }

  public String scope() {
    return scope;
  }

  public Role role() {
    return role;
  }

  public static boolean isReserved(String scope) {
    return scope.startsWith(PREFIX);
  }

  public static Optional<ManagementScope> of(String scope) {
    return Arrays.stream(values()).filter(s -> s.scope.equals(scope)).findFirst();
  }

  /**
   * Refuses ({@code invalid_scope}) a reserved scope that is unknown or whose role the user lacks.
   *
   * @param roles the roles of the user the token acts for (the resource owner of a password grant,
   *     the application's owner for client credentials); empty when there is none
   */
  public static void requireHeld(Collection<String> scopes, Set<Role> roles) {
    for (String s : scopes) {
      if (!isReserved(s)) {
        continue;
      }
      ManagementScope known =
          of(s).orElseThrow(() -> DomainException.invalid("invalid_scope", "Unknown scope " + s));
      if (!roles.contains(known.role)) {
        throw DomainException.invalid(
            "invalid_scope",
            "The scope " + s + " needs the " + known.role.name() + " role, which the user lacks");
      }
    }
  }

  /** The roles ({@code groups} claim) a token with these granted scopes carries, sorted. */
  public static Set<String> groups(Collection<String> grantedScopes) {
    Set<String> groups = new TreeSet<>();
    for (String s : grantedScopes) {
      of(s).ifPresent(m -> groups.add(m.role.name()));
    }
    return groups;
  }
}
