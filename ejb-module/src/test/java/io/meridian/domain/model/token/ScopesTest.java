package io.meridian.domain.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.shared.DomainException;
import io.meridian.domain.model.user.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  private static final Set<Role> NO_ROLES = Set.of();

  @Test
  void parsesAndFormatsSpaceSeparatedScopes() {
    assertEquals(List.of("b", "a"), Scopes.parse("  b a b "));
    assertEquals(List.of(), Scopes.parse(null));
    assertEquals("a b", Scopes.format(Set.of("b", "a")));
  }

  @Test
  void grantsTheRequestedScopesThatAreAvailable() {
    assertEquals(
        Set.of("read"), Scopes.grant(List.of("read", "admin"), Set.of("read", "write"), NO_ROLES));
    assertEquals(Set.of(), Scopes.grant(List.of(), Set.of("read"), NO_ROLES));
  }

  @Test
  void refusesARequestOfWhichNothingCanBeGranted() {
    assertEquals(
        "invalid_scope",
        assertThrows(
                DomainException.class,
                () -> Scopes.grant(List.of("admin"), Set.of("read"), NO_ROLES))
            .code());
  }

  @Test
  void aRefreshMayOnlyNarrowTheOriginalGrant() {
    assertEquals(Set.of("a", "b"), Scopes.narrow(List.of(), List.of("a", "b")));
    assertEquals(Set.of("a"), Scopes.narrow(List.of("a"), List.of("a", "b")));
    assertThrows(DomainException.class, () -> Scopes.narrow(List.of("c"), List.of("a", "b")));
  }

  @Test
  void grantsManagementScopesWithTheRoleTheyNeedBesideApiScopes() {
    assertEquals(
        Set.of("apim:publish", "read"),
        Scopes.grant(
            List.of("apim:publish", "read"),
            Set.of("read"),
            Set.of(Role.publisher, Role.subscriber)));
    assertEquals(
        Set.of("apim:admin"), Scopes.grant(List.of("apim:admin"), Set.of(), Set.of(Role.admin)));
  }

  @Test
  void refusesAManagementScopeWhoseRoleTheUserLacks() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                Scopes.grant(
                    List.of("apim:publish", "read"), Set.of("read"), Set.of(Role.subscriber)));
    assertEquals("invalid_scope", e.code());
    assertThrows(
        DomainException.class,
        () -> Scopes.grant(List.of("apim:admin"), Set.of(), Set.of(Role.publisher)));
  }

  @Test
  void anApiCannotHandOutAManagementScopeByNamingItInAnOperation() {
    // A subscription to an API whose operation names apim:publish does not make a publisher.
    assertThrows(
        DomainException.class,
        () -> Scopes.grant(List.of("apim:publish"), Set.of("apim:publish"), NO_ROLES));
  }

  @Test
  void refusesUnknownReservedScopes() {
    assertThrows(
        DomainException.class,
        () -> Scopes.grant(List.of("apim:everything"), Set.of(), EnumSet.allOf(Role.class)));
  }
}
