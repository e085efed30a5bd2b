package io.meridian.domain.model.token;

import io.meridian.domain.model.shared.DomainException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which scopes a token gets. A client may ask for any scope defined by the operations of the APIs
 * its application is subscribed to; the token gets the requested scopes it may have (RFC 6749 §3.3
 * allows a narrower grant), and none when it asked for none.
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

  /** The granted scopes; refuses a request of which no scope can be granted. */
  public static Set<String> grant(Collection<String> requested, Set<String> available) {
    Set<String> granted = new TreeSet<>(requested);
    granted.retainAll(available);
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
