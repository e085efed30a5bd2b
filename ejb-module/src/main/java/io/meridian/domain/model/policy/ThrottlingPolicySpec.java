package io.meridian.domain.model.policy;

import io.meridian.domain.model.shared.DomainException;
import java.util.regex.Pattern;

/**
 * The definition of a throttling policy, validated as a whole: what an administrator creates or
 * replaces. Every broken rule is {@code invalid_tier}, with a message naming the member.
 *
 * @param name the policy's name, or null in an edit (a name never changes)
 * @param requestCount requests allowed per window; 0 sets no request limit
 * @param unitSeconds the request window, 1 s to a day
 * @param burstPerSecond at most this many requests in any one second, or null for no such limit;
 *     never above {@code requestCount} when that is set, since such a burst could never be reached
 * @param bandwidthBytes bytes allowed per bandwidth window, or null (with {@code
 *     bandwidthUnitSeconds}) for no bandwidth limit
 * @param bandwidthUnitSeconds the bandwidth window, 1 s to a day, or null
 * @param globalQuota whether the limits are shared by all datacenters rather than enforced in each
 */
public record ThrottlingPolicySpec(
    String name,
    long requestCount,
    int unitSeconds,
    Integer burstPerSecond,
    Long bandwidthBytes,
    Integer bandwidthUnitSeconds,
    boolean globalQuota,
    String description) {

  /** The longest window: a day. */
  public static final int MAX_UNIT_SECONDS = 86_400;

  public static final int MAX_DESCRIPTION = 500;

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

  public ThrottlingPolicySpec {
    if (name != null) {
      name = checkName(name);
    }
    if (requestCount < 0) {
      throw invalid("requestCount must be 0 (no request limit) or more");
    }
    checkUnit(unitSeconds, "unitSeconds");
    if (burstPerSecond != null) {
      if (burstPerSecond < 1) {
        throw invalid("burstPerSecond must be at least 1, or left out for no burst limit");
      }
      if (requestCount > 0 && burstPerSecond > requestCount) {
        throw invalid(
            "burstPerSecond "
                + burstPerSecond
                + " can never be reached with "
                + requestCount
                + " requests per "
                + unitSeconds
                + " s; use at most "
                + requestCount);
      }
    }
    if ((bandwidthBytes == null) != (bandwidthUnitSeconds == null)) {
      throw invalid("bandwidthBytes and bandwidthUnitSeconds go together: set both or neither");
    }
    if (bandwidthBytes != null) {
      if (bandwidthBytes < 1) {
        throw invalid("bandwidthBytes must be at least 1, or left out for no bandwidth limit");
      }
      checkUnit(bandwidthUnitSeconds, "bandwidthUnitSeconds");
    }
    description = description == null ? "" : description.strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw invalid("description must be at most " + MAX_DESCRIPTION + " characters");
    }
  }

  /**
   * A spec from a client's members, any of which may be missing: {@code requestCount} and {@code
   * unitSeconds} are required, {@code globalQuota} defaults to false.
   */
  public static ThrottlingPolicySpec of(
      String name,
      Long requestCount,
      Integer unitSeconds,
      Integer burstPerSecond,
      Long bandwidthBytes,
      Integer bandwidthUnitSeconds,
      Boolean globalQuota,
      String description) {
    if (requestCount == null) {
      throw invalid("requestCount is required (0 for no request limit)");
    }
    if (unitSeconds == null) {
      throw invalid("unitSeconds is required (the window of requestCount, in seconds)");
    }
    return new ThrottlingPolicySpec(
        name,
        requestCount,
        unitSeconds,
        burstPerSecond,
        bandwidthBytes,
        bandwidthUnitSeconds,
        Boolean.TRUE.equals(globalQuota),
        description);
  }

  /** Whether this spec sets any limit at all. */
  public boolean limitsAnything() {
    return requestCount > 0 || burstPerSecond != null || bandwidthBytes != null;
  }

  /** A valid policy name, stripped; {@code invalid_tier} otherwise. */
  static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (!NAME.matcher(n).matches()) {
      throw invalid("name must be 1 to 64 characters of [A-Za-z0-9._-]");
    }
    return n;
  }

  private static void checkUnit(Integer seconds, String field) {
    if (seconds == null || seconds < 1 || seconds > MAX_UNIT_SECONDS) {
      throw invalid(field + " must be 1 to " + MAX_UNIT_SECONDS + " seconds");
    }
  }

  private static DomainException invalid(String message) {
    return DomainException.invalid("invalid_tier", message);
  }
}
