package io.meridian.domain.model.policy;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.shared.api.ApiDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A throttling policy (a "tier", the word subscriptions, applications, APIs and operations use to
 * refer to one by name): how many requests, requests per second and bytes are allowed per window,
 * and whether datacenters share those limits or each enforces them. Gateways enforce it; the master
 * only keeps it. {@value #UNLIMITED} always exists and never limits anything.
 */
@Entity
@Table(name = "tiers")
public class ThrottlingPolicy {

  /** The policy that sets no limit, used wherever no other is chosen. */
  public static final String UNLIMITED = ApiDefinition.UNLIMITED;

  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "request_count", nullable = false)
  private long requestCount;

  @Column(name = "unit_seconds", nullable = false)
  private int unitSeconds;

  @Column(name = "burst_per_second")
  private Integer burstPerSecond;

  @Column(name = "bandwidth_bytes")
  private Long bandwidthBytes;

  @Column(name = "bandwidth_unit_seconds")
  private Integer bandwidthUnitSeconds;

  @Column(name = "global_quota", nullable = false)
  private boolean globalQuota;

  @Column(name = "description", nullable = false, length = ThrottlingPolicySpec.MAX_DESCRIPTION)
  private String description;

  protected ThrottlingPolicy() {}

  /** A new policy; the spec must name it. */
  public static ThrottlingPolicy create(ThrottlingPolicySpec spec) {
    if (spec.name() == null) {
      throw DomainException.invalid("invalid_tier", "name is required");
    }
    ThrottlingPolicy policy = new ThrottlingPolicy();
    policy.name = spec.name();
    policy.apply(spec);
    return policy;
  }

  /**
   * Replaces everything but the name, which identifies the policy wherever it is used. {@value
   * #UNLIMITED} must stay without limits, since everything that chose no policy relies on it.
   */
  public void update(ThrottlingPolicySpec spec) {
    if (spec.name() != null && !spec.name().equals(name)) {
      throw DomainException.conflict(
          "tier_name_frozen",
          "A policy's name cannot change (it is " + name + "); create a new policy instead");
    }
    if (isProtected() && spec.limitsAnything()) {
      throw DomainException.conflict(
          "tier_protected", UNLIMITED + " cannot limit anything; create another policy instead");
    }
    apply(spec);
  }

  private void apply(ThrottlingPolicySpec spec) {
    this.requestCount = spec.requestCount();
    this.unitSeconds = spec.unitSeconds();
    this.burstPerSecond = spec.burstPerSecond();
    this.bandwidthBytes = spec.bandwidthBytes();
    this.bandwidthUnitSeconds = spec.bandwidthUnitSeconds();
    this.globalQuota = spec.globalQuota();
    this.description = spec.description();
  }

  /**
   * Refuses to delete {@value #UNLIMITED}, and a policy that something still refers to: gateways
   * treat a name they do not know as no limit, so deleting a policy in use would lift its limits.
   */
  public void checkDeletable(PolicyUsage usage) {
    if (isProtected()) {
      throw DomainException.conflict(
          "tier_protected", UNLIMITED + " always exists and cannot be deleted");
    }
    if (usage.inUse()) {
      throw DomainException.conflict(
          "tier_in_use",
          name + " is used by " + usage + "; move them to another policy before deleting it");
    }
  }

  /** Whether this is the policy that must always exist and never limit. */
  public boolean isProtected() {
    return UNLIMITED.equals(name);
  }

  /** True when the policy limits nothing: no request count, burst or bandwidth. */
  public boolean isUnlimited() {
    return requestCount == 0 && burstPerSecond == null && bandwidthBytes == null;
  }

  /** The window {@link #requestCount()} is counted in. */
  public Duration window() {
    return Duration.ofSeconds(unitSeconds);
  }

  /** The window {@link #bandwidthBytes()} is counted in, when there is a bandwidth limit. */
  public Optional<Duration> bandwidthWindow() {
    return bandwidthUnitSeconds().map(Duration::ofSeconds);
  }

  /** The limits in words, for the audit trail: "5000 requests per 60 s, burst 100/s". */
  public String summary() {
    List<String> parts = new ArrayList<>();
    parts.add(
        requestCount == 0
            ? "no request limit"
            : requestCount + " requests per " + unitSeconds + " s");
    burstPerSecond().ifPresent(b -> parts.add("burst " + b + "/s"));
    bandwidthBytes().ifPresent(b -> parts.add(b + " bytes per " + bandwidthUnitSeconds + " s"));
    if (globalQuota) {
      parts.add("shared by all datacenters");
    }
    return String.join(", ", parts);
  }

  public String name() {
    return name;
  }

  /** Requests allowed per window; 0 for no request limit. */
  public long requestCount() {
    return requestCount;
  }

  public int unitSeconds() {
    return unitSeconds;
  }

  public Optional<Integer> burstPerSecond() {
    return Optional.ofNullable(burstPerSecond);
  }

  public Optional<Long> bandwidthBytes() {
    return Optional.ofNullable(bandwidthBytes);
  }

  public Optional<Integer> bandwidthUnitSeconds() {
    return Optional.ofNullable(bandwidthUnitSeconds);
  }

  /** Whether all datacenters share the limits instead of each enforcing them on its own. */
  public boolean globalQuota() {
    return globalQuota;
  }

  public String description() {
    return description;
  }
}
