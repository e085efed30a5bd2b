package io.meridian.gateway.proxy;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which headers a proxy must not forward (RFC 9110 §7.6.1): the hop-by-hop ones, any named in
 * {@code Connection}, and the consumer's {@code Authorization}, which is for the gateway only.
 */
public final class HopByHop {

  private static final Set<String> ALWAYS =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length");

  private HopByHop() {}

  private static final SortedSet<String> REQUEST;
  private static final SortedSet<String> RESPONSE =
      Collections.unmodifiableSortedSet(caseInsensitive(ALWAYS));

  static {
    SortedSet<String> request = caseInsensitive(ALWAYS);
    request.addAll(
        Set.of(
            "authorization",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "x-request-id"));
    REQUEST = Collections.unmodifiableSortedSet(request);
  }

  private static SortedSet<String> caseInsensitive(Set<String> names) {
    SortedSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    out.addAll(names);
    return out;
  }

  /**
   * Header names not to forward (compared ignoring case), given the message's {@code Connection}
   * value. The common case — no Connection header, or only {@code keep-alive}/{@code close} —
   * allocates nothing.
   */
  public static Set<String> excluded(String connectionHeader, boolean request) {
    SortedSet<String> base = request ? REQUEST : RESPONSE;
    if (connectionHeader == null || connectionHeader.isEmpty()) {
      return base;
    }
    SortedSet<String> out = null;
    for (String token : connectionHeader.split(",")) {
      String t = token.trim();
      if (!t.isEmpty() && !base.contains(t) && !t.equalsIgnoreCase("close")) {
        if (out == null) {
          out = caseInsensitive(base);
        }
        out.add(t);
      }
    }
    return out == null ? base : out;
  }

  private static final List<String> REQUEST_NAMES = List.copyOf(REQUEST);
  private static final List<String> RESPONSE_NAMES = List.copyOf(RESPONSE);

  /**
   * The names to remove from a copy of all of a message's headers: cheaper than testing every
   * header against the set, since a header map removes by a case-insensitive hash. The common case
   * allocates nothing.
   */
  public static List<String> toRemove(String connectionHeader, boolean request) {
    List<String> base = request ? REQUEST_NAMES : RESPONSE_NAMES;
    Set<String> all = excluded(connectionHeader, request);
    return all.size() == base.size() ? base : List.copyOf(all);
  }

  /** A previous hop's X-Forwarded-For with this client appended. */
  public static String forwardedFor(String previous, String clientAddress) {
    return previous == null || previous.isBlank() ? clientAddress : previous + ", " + clientAddress;
  }

  /** The incoming request id if it is a sane token, else null (the caller makes a new one). */
  public static String acceptableRequestId(String incoming) {
    if (incoming == null || incoming.isEmpty() || incoming.length() > 128) {
      return null;
    }
    for (int i = 0; i < incoming.length(); i++) {
      char c = incoming.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        return null;
      }
    }
    return incoming;
  }
}
