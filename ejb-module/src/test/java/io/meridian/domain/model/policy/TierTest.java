package io.meridian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TierTest {

  @Test
  void allowsUpToItsCountPerWindow() {
    Tier gold = new Tier("Gold", 5000, 60, "");
    assertEquals(Duration.ofMinutes(1), gold.window());
    assertTrue(gold.allows(5000));
    assertFalse(gold.allows(5001));
  }

  @Test
  void unlimitedAllowsEverything() {
    Tier unlimited = new Tier("Unlimited", 0, 60, "");
    assertTrue(unlimited.isUnlimited());
    assertTrue(unlimited.allows(Long.MAX_VALUE));
  }

  @Test
  void refusesNonsenseLimits() {
    assertThrows(IllegalArgumentException.class, () -> new Tier("x", -1, 60, ""));
    assertThrows(IllegalArgumentException.class, () -> new Tier("x", 10, 0, ""));
  }
}
