package io.meridian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThrottlingPolicyTest {

  private static ThrottlingPolicySpec spec(String name, long count, int unit) {
    return new ThrottlingPolicySpec(name, count, unit, null, null, null, false, null);
  }

  private static ThrottlingPolicySpec spec(
      long count, int unit, Integer burst, Long bytes, Integer bytesUnit) {
    return new ThrottlingPolicySpec("Gold", count, unit, burst, bytes, bytesUnit, false, "");
  }

  /** Asserts a 400 with the given code. */
  private static DomainException refused(String code, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  private static DomainException conflict(String code, Runnable r) {
    DomainException e = refused(code, r);
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
    return e;
  }

  private static void invalid(Runnable r) {
    assertEquals(DomainException.Kind.INVALID, refused("invalid_tier", r).kind());
  }

  @Test
  void keepsEveryLimit() {
    ThrottlingPolicy p =
        ThrottlingPolicy.create(
            new ThrottlingPolicySpec(
                "Gold", 5000, 60, 100, 1_048_576L, 3600, true, "  For paying customers "));
    assertEquals("Gold", p.name());
    assertEquals(5000, p.requestCount());
    assertEquals(Duration.ofMinutes(1), p.window());
    assertEquals(Optional.of(100), p.burstPerSecond());
    assertEquals(Optional.of(1_048_576L), p.bandwidthBytes());
    assertEquals(Optional.of(Duration.ofHours(1)), p.bandwidthWindow());
    assertTrue(p.globalQuota());
    assertEquals("For paying customers", p.description());
    assertFalse(p.isUnlimited());
    assertEquals(
        "5000 requests per 60 s, burst 100/s, 1048576 bytes per 3600 s,"
            + " shared by all datacenters",
        p.summary());
  }

  @Test
  void optionalLimitsAreEmptyAndADefaultPolicyIsPerDatacenter() {
    ThrottlingPolicy p =
        ThrottlingPolicy.create(
            ThrottlingPolicySpec.of("Bronze", 1000L, 60, null, null, null, null, null));
    assertTrue(p.burstPerSecond().isEmpty());
    assertTrue(p.bandwidthBytes().isEmpty());
    assertTrue(p.bandwidthWindow().isEmpty());
    assertFalse(p.globalQuota());
    assertEquals("", p.description());
    assertEquals("1000 requests per 60 s", p.summary());
  }

  @Test
  void aPolicyIsUnlimitedOnlyWhenItLimitsNothing() {
    assertTrue(ThrottlingPolicy.create(spec("Free", 0, 60)).isUnlimited());
    assertFalse(ThrottlingPolicy.create(spec(0, 60, 10, null, null)).isUnlimited());
    assertFalse(ThrottlingPolicy.create(spec(0, 60, null, 1000L, 1)).isUnlimited());
    assertFalse(ThrottlingPolicy.create(spec(1, 1, null, null, null)).isUnlimited());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Gold",
        "a",
        "gold-2.0_beta",
        "0",
        "A234567890123456789012345678901234567890123456789012345678901234"
      })
  void acceptsNames(String name) {
    assertEquals(name, ThrottlingPolicy.create(spec(name, 1, 1)).name());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "Gold Plus",
        "gold/1",
        "gold%20",
        "Üni",
        "A2345678901234567890123456789012345678901234567890123456789012345"
      })
  void refusesNamesOutsideTheAlphabetOrTooLong(String name) {
    invalid(() -> spec(name, 1, 1));
  }

  @Test
  void stripsANameAndRequiresOneToCreate() {
    assertEquals("Gold", ThrottlingPolicy.create(spec(" Gold ", 1, 1)).name());
    invalid(() -> ThrottlingPolicy.create(spec(null, 1, 1)));
  }

  @ParameterizedTest(name = "count {0} per {1} s, burst {2}, {3} bytes per {4} s")
  @CsvSource({
    "0, 1, , , ",
    "0, 86400, , , ",
    "9223372036854775807, 60, , , ",
    "5000, 60, 1, , ",
    "5000, 60, 5000, , ",
    "1, 1, 1, , ",
    "0, 60, 2147483647, , ",
    "10, 60, , 1, 1",
    "10, 60, , 9223372036854775807, 86400"
  })
  void acceptsLimitsInRange(long count, int unit, Integer burst, Long bytes, Integer bytesUnit) {
    assertDoesNotThrow(() -> spec(count, unit, burst, bytes, bytesUnit));
  }

  @ParameterizedTest(name = "count {0} per {1} s, burst {2}, {3} bytes per {4} s")
  @CsvSource({
    "-1, 60, , , ",
    "10, 0, , , ",
    "10, -60, , , ",
    "10, 86401, , , ",
    "10, 60, 0, , ",
    "10, 60, -1, , ",
    "10, 60, 11, , ",
    "1, 1, 2, , ",
    "10, 60, , 1000, ",
    "10, 60, , , 60",
    "10, 60, , 0, 60",
    "10, 60, , -1, 60",
    "10, 60, , 1000, 0",
    "10, 60, , 1000, 86401"
  })
  void refusesLimitsOutOfRangeOrThatCanNeverBeReached(
      long count, int unit, Integer burst, Long bytes, Integer bytesUnit) {
    invalid(() -> spec(count, unit, burst, bytes, bytesUnit));
  }

  @Test
  void aBurstAboveTheRequestCountIsRefusedWithTheCeilingInTheMessage() {
    DomainException e = refused("invalid_tier", () -> spec(100, 60, 101, null, null));
    assertTrue(e.getMessage().contains("at most 100"), e.getMessage());
  }

  @Test
  void requiresACountAndAWindowAndDefaultsTheRest() {
    invalid(() -> ThrottlingPolicySpec.of("Gold", null, 60, null, null, null, null, null));
    invalid(() -> ThrottlingPolicySpec.of("Gold", 10L, null, null, null, null, null, null));
    ThrottlingPolicySpec s = ThrottlingPolicySpec.of(null, 10L, 60, null, null, null, null, null);
    assertFalse(s.globalQuota());
    assertEquals("", s.description());
  }

  @Test
  void refusesALongDescription() {
    invalid(() -> new ThrottlingPolicySpec("Gold", 1, 1, null, null, null, false, "x".repeat(501)));
    assertDoesNotThrow(
        () -> new ThrottlingPolicySpec("Gold", 1, 1, null, null, null, false, "x".repeat(500)));
  }

  @Test
  void anEditReplacesEverythingButTheName() {
    ThrottlingPolicy p =
        ThrottlingPolicy.create(
            new ThrottlingPolicySpec("Gold", 5000, 60, 100, 1000L, 60, true, "old"));
    p.update(new ThrottlingPolicySpec(null, 10, 1, null, null, null, false, "new"));
    assertEquals("Gold", p.name());
    assertEquals(10, p.requestCount());
    assertEquals(1, p.unitSeconds());
    assertTrue(p.burstPerSecond().isEmpty());
    assertTrue(p.bandwidthBytes().isEmpty());
    assertFalse(p.globalQuota());
    assertEquals("new", p.description());

    p.update(spec("Gold", 20, 1));
    assertEquals(20, p.requestCount());
    conflict("tier_name_frozen", () -> p.update(spec("Platinum", 20, 1)));
    assertEquals("Gold", p.name());
  }

  @Test
  void unlimitedStaysUnlimited() {
    ThrottlingPolicy unlimited = ThrottlingPolicy.create(spec("Unlimited", 0, 60));
    assertTrue(unlimited.isProtected());
    conflict("tier_protected", () -> unlimited.update(spec(null, 100, 60)));
    conflict(
        "tier_protected",
        () -> unlimited.update(new ThrottlingPolicySpec(null, 0, 60, 5, null, null, false, "")));
    conflict(
        "tier_protected",
        () -> unlimited.update(new ThrottlingPolicySpec(null, 0, 60, null, 10L, 1, false, "")));
    assertTrue(unlimited.isUnlimited());

    unlimited.update(new ThrottlingPolicySpec(null, 0, 3600, null, null, null, false, "None"));
    assertEquals("None", unlimited.description());
  }

  @Test
  void unlimitedIsNeverDeletedAndAPolicyInUseIsNot() {
    ThrottlingPolicy unlimited = ThrottlingPolicy.create(spec("Unlimited", 0, 60));
    conflict("tier_protected", () -> unlimited.checkDeletable(new PolicyUsage(0, 0, 0)));

    ThrottlingPolicy gold = ThrottlingPolicy.create(spec("Gold", 5000, 60));
    assertFalse(gold.isProtected());
    assertDoesNotThrow(() -> gold.checkDeletable(new PolicyUsage(0, 0, 0)));
    for (PolicyUsage usage :
        new PolicyUsage[] {
          new PolicyUsage(1, 0, 0), new PolicyUsage(0, 1, 0), new PolicyUsage(0, 0, 1)
        }) {
      conflict("tier_in_use", () -> gold.checkDeletable(usage));
    }
    DomainException e =
        conflict("tier_in_use", () -> gold.checkDeletable(new PolicyUsage(2, 1, 3)));
    assertTrue(
        e.getMessage().contains("2 subscriptions, 1 application and 3 APIs"), e.getMessage());
  }

  @Test
  void usageSaysWhatUsesAPolicy() {
    assertEquals("nothing", new PolicyUsage(0, 0, 0).toString());
    assertEquals("1 API", new PolicyUsage(0, 0, 1).toString());
    assertEquals("1 subscription and 2 APIs", new PolicyUsage(1, 0, 2).toString());
    assertFalse(new PolicyUsage(0, 0, 0).inUse());
  }
}
