package io.meridian.interfaces.publisher.rest;

import java.math.BigDecimal;

/**
 * The body of creating or replacing a throttling policy. In a replacement {@code name} may be left
 * out; when given it must be the policy's own. Numbers are bound exactly, so that a fraction or a
 * value past the range of its member is refused rather than rounded or wrapped around.
 */
public record TierRequest(
    String name,
    BigDecimal requestCount,
    BigDecimal unitSeconds,
    BigDecimal burstPerSecond,
    BigDecimal bandwidthBytes,
    BigDecimal bandwidthUnitSeconds,
    Boolean globalQuota,
    String description) {}
