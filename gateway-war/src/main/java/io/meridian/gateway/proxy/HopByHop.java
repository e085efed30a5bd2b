package io.meridian.gateway.proxy;

import java.util.Locale;
import java.util.Set;
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

  /** Header names (lower case) not to forward, given the message's {@code Connection} value. */
  public static Set<String> excluded(String connectionHeader, boolean request) {
    Set<String> out = new TreeSet<>(ALWAYS);
    if (request) {
      out.add("authorization");
      out.add("x-forwarded-for");
      out.add("x-forwarded-proto");
      out.add("x-forwarded-host");
      out.add("x-request-id");
    }
    if (connectionHeader != null) {
      for (String token : connectionHeader.split(",")) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return out;
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
