package io.meridian.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.domain.model.shared.DomainException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 12, 2, 13, 0, 0, 0, ZoneOffset.UTC);

  private static User ada() {
    return new User("ada", "hash", "ada@example.org", EnumSet.of(Role.publisher), NOW);
  }

  @Test
  void aDisabledAccountIsEnabledAgainByAnAdministrator() {
    User u = ada();
    assertTrue(u.isEnabled());
    u.disable(NOW);
    assertFalse(u.isEnabled());
    assertEquals(NOW, u.disabledAt());
    u.disable(NOW.plusHours(1));
    assertEquals(NOW, u.disabledAt(), "disabling twice keeps when it was first disabled");
    u.enable();
    assertTrue(u.isEnabled());
  }

  @Test
  void rolesAreReplacedButNeverAllTakenAway() {
    User u = ada();
    u.changeRoles(EnumSet.of(Role.admin, Role.subscriber));
    assertEquals(Set.of(Role.admin, Role.subscriber), u.roles());
    DomainException e = assertThrows(DomainException.class, () -> u.changeRoles(Set.of()));
    assertEquals("missing_field", e.code());
    assertEquals(Set.of(Role.admin, Role.subscriber), u.roles());
  }
}
