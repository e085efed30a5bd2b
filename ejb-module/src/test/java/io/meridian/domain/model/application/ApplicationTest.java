package io.meridian.domain.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApplicationTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void anApplicationWithoutATierIsUnlimited() {
    Application app = Application.create("dev", " Shop ", null, null, NOW);
    assertEquals("Shop", app.name());
    assertEquals("", app.description());
    assertEquals("Unlimited", app.tier());
  }

  @Test
  void anUpdateReplacesNameDescriptionAndTier() {
    Application app = Application.create("dev", "Shop", "web shop", "Gold", NOW);
    assertEquals("Gold", app.tier());
    app.update("Shop 2", null, "Bronze");
    assertEquals("Shop 2", app.name());
    assertEquals("", app.description());
    assertEquals("Bronze", app.tier());
    app.update("Shop 2", "again", null);
    assertEquals("Unlimited", app.tier());
  }

  @Test
  void aBlankTierIsAMissingField() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> Application.create("dev", "Shop", null, " ", NOW));
    assertEquals("missing_field", e.code());
  }
}
