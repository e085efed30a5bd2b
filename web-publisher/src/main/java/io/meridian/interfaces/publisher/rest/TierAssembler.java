package io.meridian.interfaces.publisher.rest;

import io.meridian.domain.model.policy.ThrottlingPolicySpec;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.interfaces.common.TierView;
import java.math.BigDecimal;

/** Converts between throttling policy DTOs and the domain ({@link TierView} shows a policy). */
final class TierAssembler {

  private TierAssembler() {}

  static ThrottlingPolicySpec toSpec(TierRequest r) {
    return ThrottlingPolicySpec.of(
        r.name(),
        whole(r.requestCount(), "requestCount", Long.MAX_VALUE),
        toInt(whole(r.unitSeconds(), "unitSeconds", Integer.MAX_VALUE)),
        toInt(whole(r.burstPerSecond(), "burstPerSecond", Integer.MAX_VALUE)),
        whole(r.bandwidthBytes(), "bandwidthBytes", Long.MAX_VALUE),
        toInt(whole(r.bandwidthUnitSeconds(), "bandwidthUnitSeconds", Integer.MAX_VALUE)),
        r.globalQuota(),
        r.description());
  }

  /** The exact value of a JSON number, or null; a fraction or a value past {@code max} is 400. */
  private static Long whole(BigDecimal value, String field, long max) {
    if (value == null) {
      return null;
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw DomainException.invalid("invalid_tier", field + " must be a whole number");
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0
        || value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw DomainException.invalid("invalid_tier", field + " must be at most " + max);
    }
    return value.longValueExact();
  }

  private static Integer toInt(Long value) {
    // Below Integer.MIN_VALUE is negative, which the domain refuses with its own message.
    return value == null ? null : (int) Math.max(value, Integer.MIN_VALUE);
  }
}
