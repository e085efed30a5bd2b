package io.meridian.domain.model.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What refers to a throttling policy by name.
 *
 * @param subscriptions subscriptions not ended (active or blocked) at the policy
 * @param applications applications whose own policy it is
 * @param apis APIs whose own policy it is, or whose current definition has an operation at it
 */
public record PolicyUsage(long subscriptions, long applications, long apis) {

  public boolean inUse() {
    return subscriptions > 0 || applications > 0 || apis > 0;
  }

  /** "2 subscriptions and 1 API". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    count(parts, subscriptions, "subscription");
    count(parts, applications, "application");
    count(parts, apis, "API");
    if (parts.isEmpty()) {
      return "nothing";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static void count(List<String> parts, long n, String noun) {
    if (n > 0) {
      parts.add(n + " " + noun + (n == 1 ? "" : "s"));
    }
  }
}
