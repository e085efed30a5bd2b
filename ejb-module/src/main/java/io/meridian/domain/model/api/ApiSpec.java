package io.meridian.domain.model.api;

import io.meridian.domain.model.policy.ThrottlingPolicy;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.shared.Require;
import io.meridian.shared.api.ApiDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The editable part of an API, validated as a whole: what a publisher creates or replaces. The
 * default endpoint is what publishers call the production endpoint.
 *
 * @param defaultVersion whether gateways also serve it without the version segment
 * @param datacenterEndpoints per-datacenter endpoint overrides by datacenter id
 * @param cors cross-origin rules, or null for none; a policy that names no methods allows those of
 *     the operations
 * @param tier the throttling policy of the API as a whole (all its consumers together), by name;
 *     null is Unlimited
 * @param staleness what gateways do while their replica lags, or null to serve whatever the lag
 */
public record ApiSpec(
    String name,
    String context,
    String version,
    boolean defaultVersion,
    String description,
    List<String> tags,
    Visibility visibility,
    List<Operation> operations,
    Endpoint defaultEndpoint,
    Map<String, Endpoint> datacenterEndpoints,
    CorsPolicy cors,
    String tier,
    StalenessPolicy staleness) {

  private static final Pattern CONTEXT =
      Pattern.compile("^(/[A-Za-z0-9][A-Za-z0-9._-]{0,63}){1,4}$");
  private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$");

  /** What {@link #isVersion} accepts, in words. */
  public static final String VERSION_RULE = "must be 1 to 32 characters of [A-Za-z0-9._-]";

  private static final Pattern DATACENTER = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
  private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}._ -]{1,32}$");

  public ApiSpec {
    name = Require.text(name, "name", 100);
    context =
        Require.matching(
            context,
            "context",
            CONTEXT,
            "must look like /pizza (1 to 4 segments of [A-Za-z0-9._-])");
    version = Require.matching(version, "version", VERSION, VERSION_RULE);
    description = Require.optionalText(description, "description", 4000);
    tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().sorted().toList();
    for (String tag : tags) {
      if (!TAG.matcher(tag).matches()) {
        throw DomainException.invalid(
            "invalid_tag", "tags must be 1 to 32 letters, digits, spaces, '.', '_' or '-'");
      }
    }
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
    operations = List.copyOf(Require.present(operations, "operations"));
    if (operations.isEmpty()) {
      throw DomainException.invalid("missing_field", "operations must list at least one operation");
    }
    Set<String> seen = new HashSet<>();
    for (Operation op : operations) {
      if (!seen.add(op.key())) {
        throw DomainException.invalid(
            "duplicate_operation", "operation " + op.key() + " is defined twice");
      }
    }
    Require.present(defaultEndpoint, "endpoints.production");
    datacenterEndpoints =
        datacenterEndpoints == null ? Map.of() : new TreeMap<>(datacenterEndpoints);
    for (String dc : datacenterEndpoints.keySet()) {
      if (dc == null || !DATACENTER.matcher(dc).matches()) {
        throw DomainException.invalid(
            "invalid_datacenter", "datacenter ids must be lower-case letters, digits and '-'");
      }
    }
    if (cors != null) {
      cors = cors.withDefaultMethods(operations.stream().map(Operation::method).toList());
    }
    tier = Require.text(tier == null ? ThrottlingPolicy.UNLIMITED : tier, "tier", 64);
  }

  /** Whether {@code version} is a valid API version, for translators that must say why not. */
  public static boolean isVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }

  /**
   * The editable part of a frozen revision's definition: what a rollback puts back. Validated
   * again, like any spec (a definition Meridian wrote always passes).
   */
  public static ApiSpec of(ApiDefinition d) {
    Map<String, Endpoint> overrides = new TreeMap<>();
    d.datacenterEndpoints().forEach((dc, e) -> overrides.put(dc, Endpoint.of(e)));
    return new ApiSpec(
        d.name(),
        d.context(),
        d.version(),
        d.defaultVersion(),
        d.description(),
        d.tags(),
        Visibility.valueOf(d.visibility()),
        d.operations().stream().map(Operation::of).toList(),
        Endpoint.of(d.defaultEndpoint()),
        overrides,
        d.cors() == null ? null : CorsPolicy.of(d.cors()),
        d.tier(),
        d.staleness() == null ? null : StalenessPolicy.of(d.staleness()));
  }

  /** The tier names the API and its operations use, to be checked against the known tiers. */
  public Set<String> tierNames() {
    Set<String> names = new HashSet<>();
    names.add(tier);
    operations.forEach(op -> names.add(op.tier()));
    return names;
  }
}
